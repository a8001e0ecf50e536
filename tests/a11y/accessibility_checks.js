// Page checks for tests/test_accessibility.py, run inside the page by Playwright.
// One expression: an object of functions, each returning a list of problems (plain strings)
// or data. The tests install it as window.__a11y before each page's own scripts run. Only the DOM and computed styles are used; nothing is changed
// except the data-a11y-id attribute given to focusable elements by the keyboard test.
(() => {
  const TOLERANCE = 1; // CSS px of rounding allowed in every geometric comparison

  /** A short, readable name for an element in problem reports. */
  const describe = (el) => {
    if (!el || el.nodeType !== 1) return String(el);
    let text = (el.getAttribute("aria-label") || el.textContent || "").replace(/\s+/g, " ").trim();
    if (text.length > 50) text = text.slice(0, 47) + "...";
    const id = el.id ? `#${el.id}` : "";
    const cls = el.classList.length ? "." + [...el.classList].slice(0, 2).join(".") : "";
    return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}"`;
  };

  /** True if el sits in a fixed-position panel moved wholly out of the viewport (a closed drawer). */
  const inClosedPanel = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      if (getComputedStyle(node).position === "fixed") {
        const r = node.getBoundingClientRect();
        if (r.right <= 0 || r.left >= innerWidth || r.bottom <= 0 || r.top >= innerHeight) return true;
      }
    }
    return false;
  };

  /** True if el is hidden in the "visually hidden, for screen readers" way (1px box, clipped). */
  const visuallyHidden = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const s = getComputedStyle(node);
      const r = node.getBoundingClientRect();
      const tiny = r.width <= 1 || r.height <= 1;
      const clipped = (s.clip && s.clip !== "auto") || (s.clipPath && s.clipPath !== "none");
      if (tiny && (clipped || s.overflow === "hidden")) return true;
    }
    return false;
  };

  /** Shown to a sighted user: rendered, not invisible or transparent, has a box, not off-canvas. */
  const shown = (el) => {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    return !inClosedPanel(el) && !visuallyHidden(el);
  };

  const FOCUSABLE = [
    "a[href]", "button:not([disabled])", "input:not([type=hidden]):not([disabled])",
    "select:not([disabled])", "textarea:not([disabled])", "summary", "iframe",
    "[tabindex]:not([tabindex='-1'])", "[contenteditable='true']",
  ].join(",");

  /** Icon buttons made of labels for hidden checkboxes (Material's header menu and search buttons). */
  const labelButtons = () =>
    [...document.querySelectorAll("header label[for]")].filter((label) => {
      const control = document.getElementById(label.htmlFor);
      return control && control.type === "checkbox" && !control.checkVisibility() &&
        !label.closest("[role=dialog]") && shown(label);
    });

  /** The box that shows an element to the user: itself, or for a hidden radio/checkbox its label. */
  const visibleBox = (el) => {
    if (shown(el)) return el;
    const labels = [...(el.labels || [])];
    const next = el.nextElementSibling; // Material's pattern: <input class="md-option"> + <label>
    if (next && next.tagName === "LABEL") labels.push(next);
    return labels.find(shown) || null;
  };

  /** Every link and control a keyboard user must be able to reach, in DOM order. */
  const interactive = () => {
    const found = new Set();
    const radioGroups = new Set();
    for (const el of document.querySelectorAll(FOCUSABLE)) {
      if (el.closest("[inert]")) continue;
      if (el.matches(".md-skip")) { found.add(el); continue; } // shown only when focused
      if (!el.checkVisibility() || !visibleBox(el)) continue;
      if (el.type === "radio") {
        // A radio group is one Tab stop: the checked radio (or the first, if none is).
        const group = [...document.getElementsByName(el.name)].filter((r) => r.form === el.form);
        const stop = group.find((r) => r.checked) || group[0];
        if (radioGroups.has(el.name)) continue;
        radioGroups.add(el.name);
        found.add(stop);
        continue;
      }
      found.add(el);
    }
    for (const label of labelButtons()) found.add(label);
    return [...found].sort((a, b) =>
      a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
  };

  const STYLE_KEYS = [
    "outlineStyle", "outlineWidth", "outlineColor", "boxShadow", "backgroundColor", "color",
    "borderTopColor", "borderBottomColor", "borderBottomWidth", "textDecorationLine",
    "textDecorationThickness",
  ];
  const styleOf = (el) => {
    const s = getComputedStyle(el);
    return Object.fromEntries(STYLE_KEYS.map((k) => [k, s[k]]));
  };

  /** Text nodes with visible characters, with their element. */
  const textNodes = (root = document.body) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        /\S/.test(n.data) && !["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(n.parentElement.tagName)
          ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
    });
    const nodes = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    return nodes;
  };

  const textRects = (node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return [...range.getClientRects()].filter((r) => r.width >= 1 && r.height >= 1);
  };

  /** A scroll container the user can scroll with the keyboard and that says what it holds. */
  const labelledScrollRegion = (el) => {
    const named = el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
    const role = el.getAttribute("role") || "";
    return el.tabIndex >= 0 && !!named && ["region", "group"].includes(role);
  };

  /** Jump every running transition and animation to its end, so what is measured is what stays. */
  const settle = () => {
    for (const animation of document.getAnimations()) {
      try { animation.finish(); } catch (error) { /* infinite animations cannot finish */ }
    }
  };

  const scrolls = (value) => value === "auto" || value === "scroll";
  const clips = (value) => value !== "visible";

  return {
    describe,
    settle,

    /** Scroll the page and everything in it back to where it starts. */
    scrollToStart() {
      if (document.activeElement) document.activeElement.blur();
      for (const el of document.querySelectorAll("*")) {
        if (el.scrollTop || el.scrollLeft) el.scrollTo(0, 0);
      }
      window.scrollTo(0, 0);
    },

    /** Reflow (1.4.10): no sideways page scroll; sideways scrolling only in labelled focusable regions. */
    reflow() {
      settle();
      const problems = [];
      const root = document.scrollingElement;
      if (root.scrollWidth > root.clientWidth + TOLERANCE) {
        problems.push(`page scrolls sideways: ${root.scrollWidth}px of content in ${root.clientWidth}px`);
        for (const el of document.body.querySelectorAll("*")) {
          if (!shown(el)) continue;
          const r = el.getBoundingClientRect();
          if (r.right > root.clientWidth + TOLERANCE) {
            const parentWide = el.parentElement.getBoundingClientRect().right > root.clientWidth + TOLERANCE;
            if (!parentWide) problems.push(`  too wide: ${describe(el)} reaches ${Math.round(r.right)}px`);
          }
        }
      }
      for (const el of document.body.querySelectorAll("*")) {
        const s = getComputedStyle(el);
        if (!scrolls(s.overflowX) || el.scrollWidth <= el.clientWidth + TOLERANCE || !shown(el)) continue;
        if (!labelledScrollRegion(el)) {
          problems.push(`sideways scrolling area is not a labelled, focusable region: ${describe(el)}`);
        }
      }
      return problems;
    },

    /** Text spacing (1.4.12) and resized text (1.4.4): no text clipped, no text overlapping other text.
        Only text inside rootSelector is looked at (an open panel covers the page behind it). */
    clippedOrOverlapping(rootSelector = "body") {
      settle();
      const problems = [];
      const lines = [];
      for (const node of textNodes(document.querySelector(rootSelector))) {
        const el = node.parentElement;
        if (!shown(el)) continue;
        const rects = textRects(node);
        // The part of the page this text can show in: its clipping ancestors' boxes.
        let view = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
        let cut = null;
        for (let a = el; a && a !== document.documentElement && a !== document.body; a = a.parentElement) {
          const s = getComputedStyle(a);
          if (!clips(s.overflowX) && !clips(s.overflowY)) continue;
          const box = a.getBoundingClientRect();
          const outX = (r) => r.left < box.left - TOLERANCE || r.right > box.right + TOLERANCE;
          const outY = (r) => r.top < box.top - TOLERANCE || r.bottom > box.bottom + TOLERANCE;
          if (!cut && ((!scrolls(s.overflowX) && clips(s.overflowX) && rects.some(outX)) ||
                       (!scrolls(s.overflowY) && clips(s.overflowY) && rects.some(outY)))) {
            cut = a;
          }
          view = {
            left: Math.max(view.left, box.left), top: Math.max(view.top, box.top),
            right: Math.min(view.right, box.right), bottom: Math.min(view.bottom, box.bottom),
          };
          // Text in a box that scrolls can be scrolled to; sideways scrolling is checked by
          // reflow(). Boxes outside the scroller clip the scroller, not the text.
          if (scrolls(s.overflowX) || scrolls(s.overflowY)) break;
        }
        if (cut) problems.push(`text cut off by ${describe(cut)}: "${node.data.trim().slice(0, 60)}"`);
        for (const r of rects) {
          const left = Math.max(r.left, view.left), right = Math.min(r.right, view.right);
          const top = Math.max(r.top, view.top), bottom = Math.min(r.bottom, view.bottom);
          if (right - left < 1 || bottom - top < 1) continue; // scrolled out of view
          lines.push({ r: { left, right, top, bottom, height: r.height }, el, text: node.data.trim().slice(0, 40) });
        }
      }
      lines.sort((p, q) => p.r.top - q.r.top);
      const reported = new Set();
      for (let i = 0; i < lines.length; i++) {
        const p = lines[i];
        for (let j = i + 1; j < lines.length && lines[j].r.top < p.r.bottom; j++) {
          const q = lines[j];
          if (p.el === q.el) continue;
          const w = Math.min(p.r.right, q.r.right) - Math.max(p.r.left, q.r.left);
          const h = Math.min(p.r.bottom, q.r.bottom) - Math.max(p.r.top, q.r.top);
          // Line boxes of neighbouring lines may touch; glyphs overlap when boxes cross by more
          // than a third of the smaller line's height.
          const minHeight = Math.min(p.r.height, q.r.height);
          if (w > 2 && h > minHeight / 3) {
            const key = `${p.text}|${q.text}`;
            if (!reported.has(key)) {
              reported.add(key);
              problems.push(`text overlaps: "${p.text}" and "${q.text}"`);
            }
          }
        }
      }
      return problems;
    },

    /** Target size (2.5.8): 24 by 24 CSS px, or spaced so 24px circles do not meet; inline links exempt. */
    targetSize() {
      settle();
      const inSentence = (el) => {
        if (getComputedStyle(el).display !== "inline") return false;
        let block = el.parentElement;
        while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
        // Exempt only if the same block has words that are not part of any link or control.
        return textNodes(block).some((n) => !n.parentElement.closest("a, button, label, summary"));
      };
      const targets = interactive()
        .map((el) => visibleBox(el) || el)
        .filter((el) => shown(el))
        .map((el) => {
          const r = el.getBoundingClientRect();
          return {
            el, r, exempt: inSentence(el),
            small: r.width < 24 - 0.5 || r.height < 24 - 0.5,
            cx: r.left + r.width / 2, cy: r.top + r.height / 2,
          };
        });
      const distanceToRect = (x, y, r) => {
        const dx = Math.max(r.left - x, 0, x - r.right);
        const dy = Math.max(r.top - y, 0, y - r.bottom);
        return Math.hypot(dx, dy);
      };
      const problems = [];
      for (const t of targets) {
        if (!t.small || t.exempt) continue;
        for (const u of targets) {
          if (u === t || u.el.contains(t.el) || t.el.contains(u.el)) continue;
          const meetsTarget = distanceToRect(t.cx, t.cy, u.r) < 12 - 0.5;
          const meetsCircle = u.small && !u.exempt && Math.hypot(t.cx - u.cx, t.cy - u.cy) < 24 - 0.5;
          if (meetsTarget || meetsCircle) {
            problems.push(
              `target ${describe(t.el)} is ${Math.round(t.r.width)}x${Math.round(t.r.height)}px ` +
              `and too close to ${describe(u.el)}`);
            break;
          }
        }
      }
      return problems;
    },

    /** Structure: language, one h1, heading levels, named landmarks, link text that stands alone. */
    structure() {
      const problems = [];
      const lang = document.documentElement.getAttribute("lang");
      if (lang !== "en-GB") problems.push(`<html lang="${lang}">, expected "en-GB"`);
      const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
        .filter((h) => h.checkVisibility() || visuallyHidden(h));
      const h1s = headings.filter((h) => h.tagName === "H1");
      if (h1s.length !== 1) problems.push(`${h1s.length} h1 headings, expected exactly 1`);
      let previous = 0;
      for (const h of headings) {
        const level = Number(h.tagName[1]);
        if (level > previous + 1) problems.push(`heading level skipped: h${previous} then ${describe(h)}`);
        previous = level;
      }
      if (headings[0] && headings[0].tagName !== "H1") problems.push(`first heading is not h1: ${describe(headings[0])}`);
      if (document.querySelectorAll("main, [role=main]").length !== 1) problems.push("not exactly one main landmark");
      const nameOf = (el) => {
        const ids = (el.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
        const byIds = ids.map((id) => document.getElementById(id)?.textContent || "").join(" ");
        return (el.getAttribute("aria-label") || byIds).trim();
      };
      const landmarks = "nav, aside, [role=navigation], [role=complementary], [role=search], [role=region], section[aria-label], section[aria-labelledby], form[aria-label]";
      for (const el of document.querySelectorAll(landmarks)) {
        if (!nameOf(el)) problems.push(`landmark without a name: ${describe(el)}`);
      }
      const vague = /^(click here|here|click|read more|more|more info|more information|link|this link|this page|go|continue)$/i;
      const address = /^(https?:\/\/|www\.)\S+$|^[\w-]+(\.[\w-]+)+\.[a-z]{2,}(\/\S*)?$/i;
      for (const a of document.querySelectorAll("a[href]")) {
        if (!shown(a) && !a.matches(".md-skip")) continue;
        const onScreen = (a.innerText || "").replace(/\s+/g, " ").trim();
        const name = (a.getAttribute("aria-label") || onScreen ||
          [...a.querySelectorAll("img[alt]")].map((i) => i.alt).join(" ")).trim();
        if (!name) problems.push(`link without a name: ${a.getAttribute("href")}`);
        else if (vague.test(name.replace(/[.!:]+$/, ""))) problems.push(`link text does not make sense alone: ${describe(a)}`);
        if (onScreen && address.test(onScreen) && !onScreen.includes("@")) {
          problems.push(`bare web address as link text: ${describe(a)}`);
        }
      }
      return problems;
    },

    /** Consistent help (3.2.6): where the contact block sits, in terms that must match on every page. */
    helpPlacement() {
      const help = document.querySelector(".site-help");
      if (!help) return null;
      const LANDMARKS = "header, nav, main, aside, footer, [role=banner], [role=navigation], [role=main], [role=contentinfo]";
      const landmark = help.closest(LANDMARKS);
      // The path of child positions from its landmark down to the block.
      const path = [];
      for (let node = help; node !== landmark && node.parentElement; node = node.parentElement) {
        path.unshift([...node.parentElement.children].indexOf(node));
      }
      // The page's top-level landmarks in order, with the help block placed among them.
      const order = [...document.querySelectorAll(`${LANDMARKS}, .site-help`)]
        .filter((el) => el === help || !el.parentElement.closest(LANDMARKS))
        .map((el) => (el === help ? "HELP" : el.tagName.toLowerCase()));
      return {
        landmark: landmark ? landmark.tagName.toLowerCase() : "none",
        path: path.join(">"),
        order: order.join(" "),
        text: help.innerText.replace(/\s+/g, " ").trim(),
        links: [...help.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
      };
    },

    /** Keyboard: tag every element that should be reachable and remember how it looks unfocused. */
    prepareKeyboard() {
      settle();
      const items = interactive();
      items.forEach((el, i) => el.setAttribute("data-a11y-id", String(i)));
      window.__a11yScrollers = [...document.querySelectorAll("*")].filter((e) => {
        const s = getComputedStyle(e);
        return [s.overflowX, s.overflowY].some(scrolls);
      });
      window.__a11yUnfocused = items.map((el) => {
        const box = visibleBox(el) || el;
        return { self: styleOf(el), box: styleOf(box) };
      });
      return items.map((el) => describe(el));
    },

    /** Keyboard: what has focus now, whether its focus indicator shows, and whether it is obscured. */
    async focusState() {
      // Let scrolling (smooth or by script) and Material's sticky-sidebar sizing finish first.
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
      const positions = () => [scrollX, scrollY, ...(window.__a11yScrollers || [])
        .map((e) => `${e.scrollLeft},${e.scrollTop}`)].join();
      // Only a focus move that scrolled something needs to wait; most do not.
      let last = positions();
      if (last !== window.__a11yScrolled) {
        for (let i = 0; i < 60; i++) {
          await frame();
          await frame();
          const now = positions();
          if (now === last) break;
          last = now;
        }
      }
      window.__a11yScrolled = positions();
      settle();
      const el = document.activeElement;
      if (!el || el === document.body || el === document.documentElement) return { id: null };
      const id = el.getAttribute("data-a11y-id");
      const box = visibleBox(el);
      const result = { id, name: describe(el), problems: [] };
      if (!box) {
        result.problems.push("has focus but cannot be seen");
        return result;
      }
      const before = id !== null ? window.__a11yUnfocused[Number(id)] : null;
      const now = { self: styleOf(el), box: styleOf(box) };
      const outlineShows = (s) => s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 &&
        !/rgba\(.*, 0\)$|transparent/.test(s.outlineColor);
      const changed = (a, b) => STYLE_KEYS.filter((k) => k !== "outlineWidth" && a[k] !== b[k]);
      const indicator = outlineShows(now.box) || outlineShows(now.self) ||
        (before && (changed(before.box, now.box).some((k) => ["boxShadow", "backgroundColor", "borderBottomColor"].includes(k))));
      if (!indicator) result.problems.push("no visible focus indicator (outline, shadow or background)");
      // Not hidden (2.4.11): some part of it, within the window, is the topmost thing there.
      // Each line box of the element is sampled (centre and corners of its part in the window).
      const points = [];
      for (const r of box.getClientRects()) {
        const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
        const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
        if (right - left < 1 || bottom - top < 1) continue;
        const inset = Math.min(3, (right - left) / 4, (bottom - top) / 4);
        points.push([(left + right) / 2, (top + bottom) / 2], [left + inset, top + inset],
          [right - inset, top + inset], [left + inset, bottom - inset], [right - inset, bottom - inset]);
      }
      const covering = points.map(([x, y]) => document.elementFromPoint(x, y));
      if (!covering.some((top) => top && box.contains(top))) {
        const what = covering.length ? describe(covering[0]) : "nothing: it is outside the window";
        result.problems.push(`focused element is hidden (on top of it: ${what})`);
      }
      return result;
    },
  };
})()
