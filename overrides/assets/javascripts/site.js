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
      visible switch shows the focus. */
(function () {
  "use strict";

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
      label.replaceWith(button);
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

  function closePanelsWhenShownAgain() {
    window.addEventListener("pageshow", function () {
      ["__drawer", "__search"].forEach(function (id) {
        var toggle = document.getElementById(id);
        if (toggle && toggle.checked) toggle.click();
      });
    });
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

  function start() {
    closePanelsWhenShownAgain();
    routeCardForHiddenColumn();
    routeCardAgainOnLoad();
    window.addEventListener("hashchange", routeCardForHiddenColumn);
    headerButtons();
    closeSearchOnLeave();
    scrollRegions();
    window.addEventListener("resize", scrollRegions);
    // Material wraps tables after the page loads; check again once it has.
    if (window.document$) window.document$.subscribe(watchScrollRegions);
    else watchScrollRegions();
    checkSchemeInUse();
    new MutationObserver(checkSchemeInUse).observe(document.body, { attributeFilter: ["data-md-color-scheme"] });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
