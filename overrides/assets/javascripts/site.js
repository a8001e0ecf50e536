/* Keyboard and screen reader fixes to Material for MkDocs (tested by tests/test_accessibility.py).

   1. The header's menu and search buttons are <label>s for hidden checkboxes, which a keyboard
      cannot reach. Swap them for real buttons, named and with their state, that flip the same
      checkboxes. Opening the menu moves focus into it; Escape closes it. (Without JavaScript
      the labels stay, and still work with a mouse or touch.)
   2. Tabbing through the header's search box opens the search overlay; close it again when
      focus moves on, so the overlay never covers the focused link.
   3. A table wider than the page scrolls inside its own box: make that box a named region a
      keyboard can scroll (only while it does scroll, so it is no extra Tab stop otherwise),
      checked again whenever the table or its box changes size.
   4. A page shown again (Back, Forward) starts with the menu and search closed. Material marked
      their checkboxes autocomplete="off" for this, which HTML does not allow on a checkbox
      (hooks/a11y_fixes.py removes it).
   5. A link to a route in the comparison (#route-<id>) goes to the route's column in the wide
      table; on a phone that table is hidden and each route is a card, so go to its card. Go
      again when the page has loaded (the full stylesheets can change the layout above the card
      after the first go), unless the reader has moved the page by then.
   6. The colour scheme switch (overrides/partials/palette.html) is a group of two radios; Material
      leaves both unchecked until someone switches, so Tab could land on the radio whose switch is
      hidden, with no focus to see. Check the radio of the scheme in use: Tab lands on it and its
      visible switch shows the focus.
   7. Following a link within the page (the menu's table of contents) closes the menu and search,
      as Material does.
   8. Material's script (its address is on this script's tag, data-material: see
      hooks/first_paint/material_script.py) loads when the page needs it: at once on a wide
      screen, where the side columns follow the page; on a narrow one when someone starts to
      search or presses one of its shortcut keys (the key is then passed on to it). Until then
      this script shows and works the colour scheme switch as Material does, and the build has
      already wrapped the tables; Enter on a focused label (a menu section) opens it, as Material
      does. Material sets itself up on DOMContentLoaded, which has passed when it arrives, so
      that event is raised again for it; the tables the build wrapped carry an empty class
      attribute during that event, so Material does not wrap them twice. If it fails to load
      (a dropped connection), the next search or shortcut asks again. */
(function () {
  "use strict";

  var MATERIAL = document.currentScript && document.currentScript.getAttribute("data-material");
  var WIDE = "(min-width: 60em)";  // Material's "tablet" width: the table of contents shows
  var SHORTCUTS = ["f", "s", "/", "n", ".", "p", ","];
  var contentLoaded = document.readyState === "complete";
  var material = null;  // the promise of Material's script, once asked for
  var materialRunning = !MATERIAL;  // no address: Material's own tag loads it (the 404 page)

  var BUTTONS = { __drawer: "Menu", __search: "Search" };
  var FOCUS_ON_OPEN = { __drawer: ".md-sidebar--primary a[href]", __search: ".md-search__input" };

  function headerButtons() {
    Object.keys(BUTTONS).forEach(function (id) {
      var toggle = document.getElementById(id);
      var label = document.querySelector('.md-header label.md-header__button[for="' + id + '"]');
      if (!toggle || !label) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className;
      button.setAttribute("data-site-toggle", id);
      button.setAttribute("aria-label", BUTTONS[id]);
      while (label.firstChild) button.appendChild(label.firstChild);
      // The emptied label stays, hidden: Material's script (which may run later) looks for it.
      label.before(button);
      label.removeAttribute("class");
      label.hidden = true;
      var state = function () { button.setAttribute("aria-expanded", String(toggle.checked)); };
      state();
      toggle.addEventListener("change", function () {
        state();
        var active = document.activeElement;
        if (!toggle.checked && (!active || active === document.body || !isShown(active))) button.focus();
      });
      button.addEventListener("click", function () {
        toggle.click();
        if (!toggle.checked) return;
        // Move focus into what just opened: the search box, or the menu's first link.
        var into = document.querySelector(FOCUS_ON_OPEN[id]);
        if (into) requestAnimationFrame(function () { into.focus(); });
      });
    });
    var drawer = document.getElementById("__drawer");
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer && drawer.checked) {
        drawer.click();
        var menu = document.querySelector('[data-site-toggle="__drawer"]');
        if (menu) menu.focus();
      }
    });
  }

  function isShown(el) {
    return el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : true;
  }

  function closeSearchOnLeave() {
    var search = document.getElementById("__search");
    if (!search) return;
    document.addEventListener("focusin", function (event) {
      var target = event.target;
      if (!search.checked || !target.closest) return;
      if (target.closest(".md-search") || target.closest('[data-site-toggle="__search"]')) return;
      search.click();
      target.focus();
    });
  }

  function tableName(table) {
    var caption = table.querySelector("caption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim();
    for (var node = table.closest(".md-typeset__scrollwrap") || table; node; node = node.previousElementSibling) {
      if (/^H[2-6]$/.test(node.tagName)) return "Table: " + node.textContent.trim();
    }
    return "Table";
  }

  function scrollRegions() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    Array.prototype.forEach.call(wraps, function (wrap) {
      var table = wrap.querySelector("table");
      if (!table) return;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", tableName(table));
      if (wrap.scrollWidth > wrap.clientWidth + 1) wrap.setAttribute("tabindex", "0");
      else wrap.removeAttribute("tabindex");
    });
  }

  // The full stylesheet arrives after the first paint (hooks/first_paint/), so a table can start
  // to scroll sideways after scrollRegions first ran, without the window changing size: check
  // again whenever a table or its box changes size.
  var regionWatcher = window.ResizeObserver ? new ResizeObserver(scrollRegions) : null;

  function watchScrollRegions() {
    scrollRegions();
    if (!regionWatcher) return;
    regionWatcher.disconnect();
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      regionWatcher.observe(wrap);
      var table = wrap.querySelector("table");
      if (table) regionWatcher.observe(table);
    });
  }

  function closePanels() {
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) toggle.click();
    });
  }

  function closePanelsWhenShownAgain() {
    window.addEventListener("pageshow", closePanels);
  }

  function routeCardForHiddenColumn() {
    var id = decodeURIComponent(location.hash.slice(1));
    var column = id && document.getElementById(id);
    if (!column || column.getClientRects().length) return;
    var card = document.getElementById(id + "-card");
    if (card && card.classList.contains("routes-card")) card.scrollIntoView();
  }

  function routeCardAgainOnLoad() {
    var moved = false;
    ["wheel", "touchstart", "keydown", "mousedown"].forEach(function (kind) {
      window.addEventListener(kind, function () { moved = true; }, { once: true, passive: true });
    });
    window.addEventListener("load", function () {
      if (!moved) requestAnimationFrame(routeCardForHiddenColumn);
    });
  }

  function checkSchemeInUse() {
    var radios = document.querySelectorAll('[data-md-component="palette"] input.md-option');
    var scheme = document.body.getAttribute("data-md-color-scheme");
    Array.prototype.forEach.call(radios, function (radio) {
      if (radio.getAttribute("data-md-color-scheme") === scheme && !radio.checked) radio.checked = true;
    });
  }

  // A promise of whether Material's script runs.
  function loadMaterial() {
    if (!material) {
      material = new Promise(function (resolve) {
        var tag = document.createElement("script");
        tag.src = MATERIAL;
        tag.onload = function () {
          materialRunning = true;
          if (contentLoaded) document.dispatchEvent(new Event("DOMContentLoaded", { bubbles: true }));
          watchScrollRegions();
          resolve(true);
        };
        tag.onerror = function () {
          tag.remove();
          material = null;
          resolve(false);
        };
        document.body.appendChild(tag);
      });
    }
    return material;
  }

  function keepWrappedTablesFromMaterial() {
    var wrapped = [];
    window.addEventListener("DOMContentLoaded", function () {
      contentLoaded = true;
      wrapped.forEach(function (table) { table.removeAttribute("class"); });
      wrapped = [];
    });
    // Registered before Material's script runs, so this runs before its listener does.
    document.addEventListener("DOMContentLoaded", function () {
      wrapped = Array.prototype.filter.call(document.querySelectorAll(".md-typeset__table > table"), function (table) {
        return !table.hasAttribute("class");
      });
      wrapped.forEach(function (table) { table.setAttribute("class", ""); });
    });
  }

  // As Material decides: a key typed into a field is text, not a shortcut (a radio takes arrows only).
  function isTyping(target) {
    if (!target) return false;
    if (target.tagName === "INPUT") return target.type !== "radio";
    return /^(TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable;
  }

  function loadMaterialWhenNeeded() {
    if (!MATERIAL) return;
    var wide = window.matchMedia(WIDE);
    if (wide.matches) { loadMaterial(); return; }
    var widened = function () { if (wide.matches) loadMaterial(); };
    if (wide.addEventListener) wide.addEventListener("change", widened);
    else wide.addListener(widened);  // Safari before 14
    document.addEventListener("focusin", function (event) {
      if (event.target.matches && event.target.matches(".md-search__input")) loadMaterial();
    });
    // A shortcut pressed before Material runs (or while it loads) is passed on once it does.
    document.addEventListener("keydown", function (event) {
      if (materialRunning || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (SHORTCUTS.indexOf(event.key) < 0) return;
      event.preventDefault();
      var key = event.key;
      loadMaterial().then(function (running) {
        if (running) document.dispatchEvent(new KeyboardEvent("keydown", { key: key, bubbles: true, cancelable: true }));
      });
    });
  }

  function enterOnLabels() {
    document.addEventListener("keydown", function (event) {
      if (!materialRunning && event.key === "Enter" && event.target.tagName === "LABEL") event.target.click();
    });
  }

  function savedPalette() {
    try { return window.__md_get ? window.__md_get("__palette") : null; } catch (e) { return null; }
  }

  // Material's switch, until Material's script runs: the same attributes, shown switch and
  // saved choice (in Material's format, so Material carries on from it).
  function colourSchemeSwitch() {
    var radios = Array.prototype.slice.call(document.querySelectorAll('[data-md-component="palette"] input.md-option'));
    if (!radios.length) return;
    var group = radios[0].parentNode;
    var show = function (index) {
      radios.forEach(function (radio, i) {
        var label = radio.nextElementSibling;
        if (label && label.tagName === "LABEL") label.hidden = i !== index;
      });
    };
    var saved = savedPalette();
    var first = saved && typeof saved.index === "number" ? saved.index : radios.findIndex(function (radio) {
      return window.matchMedia(radio.getAttribute("data-md-color-media")).matches;
    });
    if (!materialRunning) show(Math.max(0, Math.min(first, radios.length - 1)));
    radios.forEach(function (radio, index) {
      radio.addEventListener("change", function () {
        if (materialRunning || !radio.checked) return;
        var color = {};
        document.body.setAttribute("data-md-color-switching", "");
        ["media", "scheme", "primary", "accent"].forEach(function (key) {
          color[key] = radio.getAttribute("data-md-color-" + key);
          document.body.setAttribute("data-md-color-" + key, color[key]);
        });
        show(index);
        if (window.__md_set) window.__md_set("__palette", { index: index, color: color });
        requestAnimationFrame(function () { document.body.removeAttribute("data-md-color-switching"); });
      });
    });
    group.addEventListener("keydown", function (event) {
      if (materialRunning || event.key !== "Enter") return;
      var checked = radios.findIndex(function (radio) { return radio.checked; });
      var next = radios[(Math.max(0, checked) + 1) % radios.length];
      next.click();
      next.focus();
    });
  }

  function start() {
    document.documentElement.classList.remove("no-js");
    document.documentElement.classList.add("js");
    keepWrappedTablesFromMaterial();
    colourSchemeSwitch();
    enterOnLabels();
    loadMaterialWhenNeeded();
    closePanelsWhenShownAgain();
    routeCardForHiddenColumn();
    routeCardAgainOnLoad();
    window.addEventListener("hashchange", routeCardForHiddenColumn);
    window.addEventListener("hashchange", closePanels);
    headerButtons();
    closeSearchOnLeave();
    window.addEventListener("resize", scrollRegions);
    watchScrollRegions();
    checkSchemeInUse();
    new MutationObserver(checkSchemeInUse).observe(document.body, { attributeFilter: ["data-md-color-scheme"] });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
})();
