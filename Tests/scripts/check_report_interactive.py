#!/usr/bin/env python3
"""Uses the meeting report's interactive map in headless Chromium (selenium and chromium-driver),
as a presenter does at the meeting, and runs axe-core on the page.

    python3 check_report_interactive.py REPORT.html NETWORK.json EARLIER.json [SCREENSHOT.png]
    python3 check_report_interactive.py REPORT.html --axe-only

NETWORK.json and EARLIER.json are `tsunagari export --format json` of the report's year and of the
first year (networkx node-link data): the partners every selection must highlight come from there,
not from the page. Checks: selecting an agency by click and by keyboard (Tab reaches it, Enter
selects) marks it `is-selected`, exactly its partners `is-neighbour` and every other agency
`is-dimmed`, and shows its card with one row per tie; Escape clears; a field filter (its box, or its
entry in the map's legend) marks the other fields' agencies `is-filtered` and shows the banner; the year switcher shows the first year's map
with that year's partners; presenter mode steps through the main findings with the arrow keys and
ends by Escape and by its button; with scripts off the controls are hidden and the map shown;
axe-core (axe.min.js from the PyPI wheel axe-playwright-python 0.1.8, fetched with pip into
.build/axe when AXE_JS does not name it) finds no violation of the WCAG 2.0/2.1 A and AA rules.
Writes a screenshot of the map with an agency selected when asked. With --axe-only, only axe-core
runs (for a large network's report). Prints "OK" or the problems.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import zipfile

import networkx
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

report = sys.argv[1]
axe_only = sys.argv[2] == "--axe-only"
network_json, earlier_json = (None, None) if axe_only else sys.argv[2:4]
screenshot = sys.argv[4] if len(sys.argv) > 4 else None
problems = []


def graph(path):
    with open(path, encoding="utf-8") as f:
        return networkx.node_link_graph(json.load(f), edges="edges")


def axe_source():
    path = os.environ.get("AXE_JS")
    if path:
        return open(path, encoding="utf-8").read()
    cache = os.path.join(os.path.dirname(__file__), "..", "..", ".build", "axe")
    script = os.path.join(cache, "axe.min.js")
    if not os.path.exists(script):
        os.makedirs(cache, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", cache,
                        "axe-playwright-python==0.1.8"], check=True)
        with zipfile.ZipFile(glob.glob(os.path.join(cache, "axe_playwright_python-0.1.8-*.whl"))[0]) as wheel:
            with open(script, "wb") as out:
                out.write(wheel.read("axe_playwright_python/axe.min.js"))
    return open(script, encoding="utf-8").read()


current, first = (None, None) if axe_only else (graph(network_json), graph(earlier_json))
options = webdriver.ChromeOptions()
options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1500,1100",
                 "--allow-file-access-from-files"):
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
try:
    if not axe_only:
        # With scripts off the page is a plain document: the maps and tables there, no dead controls.
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        driver.get("file://" + os.path.abspath(report))
        if driver.find_element(By.CSS_SELECTOR, ".map-tools").is_displayed():
            problems.append("with scripts off the map's controls are shown, and do nothing")
        if not driver.find_element(By.CSS_SELECTOR, "figure.view").is_displayed():
            problems.append("with scripts off the map is not shown")
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    driver.get("file://" + os.path.abspath(report))

    def classes(view):
        """Each agency's classes in the view: {agency ID: set of classes}."""
        return driver.execute_script(
            "var r={};document.querySelectorAll('figure.view[data-view=\"'+arguments[0]+'\"] g.node[data-agency]')"
            ".forEach(function(g){r[g.getAttribute('data-agency')]=(g.getAttribute('class')||'').split(' ');});"
            "return r;", view)

    def shown_view():
        return driver.execute_script("return document.querySelector('figure.view:not([hidden])').dataset.view")

    def check_selection(how, agency, g):
        view = shown_view()
        seen = {k: set(v) for k, v in classes(view).items()}
        partners = set(g.neighbors(agency))
        if "is-selected" not in seen.get(agency, set()):
            problems.append(f"{how}: {agency} is not is-selected")
        wrong = [a for a, c in seen.items() if a != agency and (("is-neighbour" in c) != (a in partners))]
        if wrong:
            problems.append(f"{how}: is-neighbour wrong for {sorted(wrong)} (partners {sorted(partners)})")
        undimmed = [a for a, c in seen.items() if a != agency and a not in partners and "is-dimmed" not in c]
        if undimmed:
            problems.append(f"{how}: not dimmed though not partners: {sorted(undimmed)}")
        return seen

    def use_the_map():
        for line in driver.get_log("browser"):
            if line["level"] in ("SEVERE", "ERROR"):
                problems.append("console: " + line["message"])
        if not driver.find_element(By.CSS_SELECTOR, ".map-tools").is_displayed():
            problems.append("the map's controls are not shown")

        # Click the agency with the most partners.
        hub = max(sorted(current.nodes), key=lambda a: current.degree(a))
        node = driver.find_element(By.CSS_SELECTOR, f'figure.view:not([hidden]) g.node[data-agency="{hub}"]')
        node.click()
        check_selection("click", hub, current)
        card = driver.find_element(By.CSS_SELECTOR, f'section.agency-card[data-agency="{hub}"]')
        if not card.is_displayed():
            problems.append("the selected agency's card is not shown")
        rows = len(card.find_elements(By.CSS_SELECTOR, "table tr")) - 1
        if rows != current.degree(hub):
            problems.append(f"the card lists {rows} ties, the network has {current.degree(hub)}")
        if screenshot:
            body = driver.find_element(By.CSS_SELECTOR, ".explorer-body")
            driver.execute_script("arguments[0].scrollIntoView()", body)
            body.screenshot(screenshot)
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        if any("is-selected" in c or "is-dimmed" in c for c in classes(shown_view()).values()):
            problems.append("Escape left agencies selected or dimmed")

        # Keyboard: Tab from the search box reaches the map's agencies; Enter selects the one reached.
        driver.find_element(By.CSS_SELECTOR, "#agency-search").click()
        reached = None
        for _ in range(80):
            driver.switch_to.active_element.send_keys(Keys.TAB)
            reached = driver.switch_to.active_element.get_attribute("data-agency")
            if reached:
                break
        if not reached:
            problems.append("Tab never reaches an agency on the map")
        else:
            driver.switch_to.active_element.send_keys(Keys.ENTER)
            check_selection("keyboard", reached, current)
            driver.switch_to.active_element.send_keys(Keys.ESCAPE)

        # A field filter: the first field's box.
        box = driver.find_element(By.CSS_SELECTOR, "input[name=field]")
        label = box.find_element(By.XPATH, "..").text.strip()
        box.click()
        banner = driver.find_element(By.CSS_SELECTOR, ".filter-banner")
        if not banner.is_displayed() or label not in banner.text or not banner.text.startswith(("絞り込み中", "Filtered")):
            problems.append(f"no filter banner naming {label!r} (banner: {banner.text!r})")
        field = box.get_attribute("value")
        for agency, c in classes(shown_view()).items():
            if (f"field-{field}" in c) == ("is-filtered" in c):
                problems.append(f"field filter: {agency} wrongly {'filtered' if 'is-filtered' in c else 'shown'}")
                break
        driver.find_element(By.CSS_SELECTOR, "button.reset").click()
        if banner.is_displayed():
            problems.append("the banner stays after the reset")
        # A field's legend entry on the map toggles the same filter, with the keyboard too.
        legend = driver.find_element(By.CSS_SELECTOR, f"figure.view:not([hidden]) g.node.legend.field-{field}")
        driver.execute_script("arguments[0].focus()", legend)
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        if not box.is_selected() or legend.get_attribute("aria-pressed") != "true" or label not in banner.text:
            problems.append("the legend entry of a field does not filter by it")
        driver.find_element(By.CSS_SELECTOR, "button.reset").click()

        # The year switcher: the first year on the same layout, its own partners highlighted.
        radios = driver.find_elements(By.CSS_SELECTOR, "input[name=view]")
        if len(radios) < 2:
            problems.append("no year switcher")
        else:
            radios[0].click()
            if shown_view() != radios[0].get_attribute("value"):
                problems.append("the year switcher did not show the first year")
            hub0 = max(sorted(first.nodes), key=lambda a: first.degree(a))
            driver.find_element(By.CSS_SELECTOR, f'figure.view:not([hidden]) g.node[data-agency="{hub0}"]').click()
            check_selection("first year", hub0, first)
            driver.switch_to.active_element.send_keys(Keys.ESCAPE)
            change = [r for r in radios if r.get_attribute("value") == "change"]
            if change:
                change[0].click()
                if shown_view() != "change":
                    problems.append("the change view is not shown")
            radios[-2 if change else -1].click()

        # Presenter mode: the arrow keys step through the main findings.
        steps = driver.execute_script(
            "return Array.prototype.map.call(document.querySelectorAll('ol.steps li'),"
            "function(li){return [li.textContent, JSON.parse(li.getAttribute('data-agencies'))];})")
        driver.find_element(By.CSS_SELECTOR, "button.present").click()
        if not driver.execute_script("return document.body.classList.contains('presenting')"):
            problems.append("presenter mode did not start")
        for k, (text, agencies) in enumerate(steps[:3]):
            shown = driver.find_element(By.CSS_SELECTOR, ".step-text").text
            if shown != text:
                problems.append(f"step {k + 1} shows {shown!r}, expected {text!r}")
            seen = classes(shown_view())
            missing = [a for a in agencies if a in seen and "is-selected" not in seen[a]]
            if missing:
                problems.append(f"step {k + 1} does not highlight {missing}")
            count = driver.find_element(By.CSS_SELECTOR, ".step-count").text
            if count != f"{k + 1} / {len(steps)}":
                problems.append(f"step counter {count!r} at step {k + 1}")
            driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        if driver.execute_script("return document.body.classList.contains('presenting')"):
            problems.append("Escape did not end presenter mode")
        # The on-screen way out, for a mouse or a touch screen.
        driver.find_element(By.CSS_SELECTOR, "button.present").click()
        driver.find_element(By.CSS_SELECTOR, ".presenter button.stop").click()
        if driver.execute_script("return document.body.classList.contains('presenting')"):
            problems.append("the presenter's stop button did not end presenter mode")
        if not steps:
            problems.append("no steps for presenter mode")

    if not axe_only:
        use_the_map()

    # axe-core: WCAG 2.0 and 2.1, levels A and AA.
    driver.execute_script(axe_source())
    driver.set_script_timeout(300)
    result = driver.execute_async_script(
        "var done=arguments[arguments.length-1];"
        "axe.run(document,{runOnly:{type:'tag',values:['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
        ".then(function(r){done(r.violations.map(function(v){return [v.id,v.help,v.nodes.length,"
        "v.nodes.slice(0,3).map(function(n){return n.target.join(' ')})];}));})"
        ".catch(function(e){done([['axe-error',String(e),0,[]]]);});")
    for rule, text, count, targets in result:
        problems.append(f"axe {rule}: {text} ({count} elements, e.g. {targets})")
    for line in driver.get_log("browser"):
        if line["level"] in ("SEVERE", "ERROR"):
            problems.append("console: " + line["message"])
finally:
    driver.quit()

if problems:
    print("\n".join(problems))
    sys.exit(1)
print("OK")
