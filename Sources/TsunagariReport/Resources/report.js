document.querySelectorAll("table.sortable").forEach(function(table){
  table.querySelectorAll("th").forEach(function(th,column){
    th.addEventListener("click",function(){
      var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
      var ascending=th.getAttribute("data-order")!=="asc";
      rows.sort(function(a,b){
        var x=a.cells[column].textContent,y=b.cells[column].textContent,nx=parseFloat(x),ny=parseFloat(y);
        var order=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y,"ja");
        return ascending?order:-order;
      });
      rows.forEach(function(row){body.appendChild(row);});
      th.setAttribute("data-order",ascending?"asc":"desc");
    });
  });
});
// On paper every collapsed list is open (a closed <details> prints only its summary).
window.addEventListener("beforeprint",function(){
  document.querySelectorAll("details").forEach(function(d){d.setAttribute("data-was-open",d.open?"1":"");d.open=true;});
});
window.addEventListener("afterprint",function(){
  document.querySelectorAll("details").forEach(function(d){d.open=d.getAttribute("data-was-open")==="1";});
});
// The interactive map: select an agency (click, tap, Enter or Space), filter by field, kind of tie
// and age band, find by name, switch years, step through the main findings. It only shows, hides
// and sets classes; every word on screen comes with the page.
(function(){
  var explorer=document.getElementById("explorer");
  if(!explorer)return;
  function all(selector,root){return Array.prototype.slice.call((root||explorer).querySelectorAll(selector));}
  function one(selector){return explorer.querySelector(selector);}
  all(".map-tools,.agency-panel").forEach(function(e){e.hidden=false;});
  explorer.classList.add("interactive");
  var state={selected:null,step:-1,fields:[],kinds:[],age:""};
  var presenter=one(".presenter");
  var steps=all("ol.steps li");
  function agencyOf(g){return g.getAttribute("data-agency");}
  function classOf(g,prefix){var m=new RegExp("\\b"+prefix+"(\\d+)\\b").exec(g.getAttribute("class")||"");return m?m[1]:null;}
  // The agencies in focus: the presenter's step, or the selected agency; none (null) dims nothing.
  function focusSet(){
    if(state.step>=0){var ids=JSON.parse(steps[state.step].getAttribute("data-agencies"));return ids.length?ids:null;}
    return state.selected?[state.selected]:null;
  }
  function passes(g){
    return (!state.fields.length||state.fields.indexOf(classOf(g,"field-"))>=0)&&(!state.age||g.classList.contains("age-"+state.age));
  }
  function apply(){
    var focus=focusSet();
    all("figure.view").forEach(function(view){
      var shown={},partners={};
      all("g.node[data-agency]",view).forEach(function(g){
        var ok=passes(g);
        g.classList.toggle("is-filtered",!ok);
        g.setAttribute("tabindex",ok?"0":"-1");
        if(ok)shown[agencyOf(g)]=true;
      });
      all("g.edge[data-a]",view).forEach(function(e){
        var a=e.getAttribute("data-a"),b=e.getAttribute("data-b");
        var kindOk=!state.kinds.length||!e.classList.contains("tie")||state.kinds.some(function(k){return e.classList.contains("kind-"+k);});
        var ok=shown[a]&&shown[b]&&kindOk;
        var touches=!!focus&&(focus.indexOf(a)>=0||focus.indexOf(b)>=0);
        e.classList.toggle("is-filtered",!ok);
        e.classList.toggle("is-highlighted",ok&&touches);
        e.classList.toggle("is-dimmed",!!focus&&!(ok&&touches));
        if(ok&&touches&&state.step<0){partners[a]=true;partners[b]=true;}
      });
      all("g.node[data-agency]",view).forEach(function(g){
        var id=agencyOf(g),selected=!!focus&&focus.indexOf(id)>=0,neighbour=!selected&&!!partners[id];
        g.classList.toggle("is-selected",selected);
        g.classList.toggle("is-neighbour",neighbour);
        g.classList.toggle("is-dimmed",!!focus&&!selected&&!neighbour);
        g.setAttribute("aria-pressed",selected?"true":"false");
      });
    });
    var card=null;
    all("section.agency-card").forEach(function(c){var mine=state.selected!==null&&agencyOf(c)===state.selected;c.hidden=!mine;if(mine)card=c;});
    one(".panel-hint").hidden=state.selected!==null;
    one(".not-this-year").hidden=state.selected===null||card!==null;
    var banner=one(".filter-banner"),labels=[];
    all("input[name=field]:checked,input[name=kind]:checked").forEach(function(i){labels.push(i.parentNode.textContent.trim());});
    var age=one("#age-filter");
    if(age.value)labels.push(age.options[age.selectedIndex].textContent);
    banner.hidden=!labels.length;
    banner.textContent=labels.length?banner.getAttribute("data-prefix")+labels.join(banner.getAttribute("data-separator")):"";
  }
  // Selecting an agency while presenting ends presenter mode: the step's text would no longer match.
  function select(id){if(!presenter.hidden)stopPresenting();state.selected=id;state.step=-1;apply();}
  function clear(){state.selected=null;state.step=-1;apply();}
  explorer.addEventListener("click",function(event){
    var g=event.target.closest?event.target.closest("g.node[data-agency]"):null;
    if(g){select(agencyOf(g));return;}
    var legend=event.target.closest?event.target.closest("g.node.legend"):null;
    if(legend)toggleField(legend);
  });
  explorer.addEventListener("keydown",function(event){
    if(event.key!=="Enter"&&event.key!==" ")return;
    var target=event.target;
    if(target.matches&&target.matches("g.node[data-agency]")){event.preventDefault();select(agencyOf(target));}
    else if(target.matches&&target.matches("g.node.legend")){event.preventDefault();toggleField(target);}
  });
  // A field's entry in the legend toggles that field, as its box above the map does.
  function toggleField(legend){
    var field=classOf(legend,"field-");
    var box=one("input[name=field][value='"+field+"']");
    if(!box)return;
    box.checked=!box.checked;
    filters();
  }
  all("g.node.legend").forEach(function(g){
    if(classOf(g,"field-")===null)return;
    g.setAttribute("tabindex","0");
    g.setAttribute("role","button");
    g.setAttribute("aria-label",g.textContent.trim());
  });
  function filters(){
    state.fields=all("input[name=field]:checked").map(function(i){return i.value;});
    state.kinds=all("input[name=kind]:checked").map(function(i){return i.value;});
    state.age=one("#age-filter").value;
    all("g.node.legend").forEach(function(g){
      var field=classOf(g,"field-");
      if(field!==null)g.setAttribute("aria-pressed",state.fields.indexOf(field)>=0?"true":"false");
    });
    apply();
  }
  all("input[name=field],input[name=kind],#age-filter").forEach(function(i){i.addEventListener("change",filters);});
  all("input[name=view]").forEach(function(radio){
    radio.addEventListener("change",function(){
      all("figure.view").forEach(function(view){view.hidden=view.getAttribute("data-view")!==radio.value;});
      apply();
    });
  });
  var search=one("#agency-search"),result=one(".search-result");
  function find(){
    var query=search.value.trim().toLowerCase();
    if(!query){result.textContent="";return;}
    var match=all("section.agency-card").filter(function(c){return c.getAttribute("data-names").toLowerCase().indexOf(query)>=0;})[0];
    result.textContent=match?"":search.getAttribute("data-not-found");
    if(match)select(agencyOf(match));
  }
  search.addEventListener("change",find);
  search.addEventListener("keydown",function(event){if(event.key==="Enter"){event.preventDefault();find();}});
  one("button.reset").addEventListener("click",function(){
    all("input[name=field],input[name=kind]").forEach(function(i){i.checked=false;});
    one("#age-filter").value="";
    search.value="";
    result.textContent="";
    state.selected=null;
    stopPresenting();
    filters();
  });
  // Presenter mode: the map fills the screen and the arrow keys step through the main findings,
  // each highlighting the agencies it names.
  var present=one("button.present");
  function show(step){
    if(!steps.length)return;
    state.step=Math.max(0,Math.min(steps.length-1,step));
    state.selected=null;
    one(".step-text").textContent=steps[state.step].textContent;
    one(".step-count").textContent=(state.step+1)+" / "+steps.length;
    apply();
  }
  function startPresenting(){document.body.classList.add("presenting");presenter.hidden=false;present.setAttribute("aria-pressed","true");show(0);}
  function stopPresenting(){document.body.classList.remove("presenting");presenter.hidden=true;present.setAttribute("aria-pressed","false");state.step=-1;apply();}
  present.addEventListener("click",function(){if(presenter.hidden)startPresenting();else stopPresenting();});
  one("button.prev").addEventListener("click",function(){show(state.step-1);});
  one("button.next").addEventListener("click",function(){show(state.step+1);});
  one("button.stop").addEventListener("click",function(){stopPresenting();present.focus();});
  document.addEventListener("keydown",function(event){
    if(event.key==="Escape"){if(!presenter.hidden)stopPresenting();else clear();return;}
    if(presenter.hidden||event.target.matches("input,select"))return;
    if(event.key==="ArrowRight"||event.key==="ArrowDown"||event.key==="PageDown"){event.preventDefault();show(state.step+1);}
    if(event.key==="ArrowLeft"||event.key==="ArrowUp"||event.key==="PageUp"){event.preventDefault();show(state.step-1);}
  });
  filters();
})();
