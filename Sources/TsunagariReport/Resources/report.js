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
