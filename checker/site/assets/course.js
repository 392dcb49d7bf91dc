// Accessibility fixes Material leaves to the site, applied on every page, also after
// instant navigation swaps the content.
(function () {
  // Material wraps each table in a box that scrolls sideways
  // (.md-typeset__scrollwrap > .md-typeset__table > table). Keyboard users must be able to
  // focus the box to scroll it, and only where it scrolls, or every narrow table would be
  // a useless tab stop. A ResizeObserver reports both widths as layout computes them, at
  // first and on every change (a phone turned sideways, a font loaded), so reading them
  // lays nothing out again; scrollWidth would, on a page Material has just changed.
  var widths = new WeakMap();
  var overflow = new ResizeObserver(function (entries) {
    var changed = new Set();
    entries.forEach(function (entry) {
      var wrap = entry.target.closest(".md-typeset__scrollwrap");
      var size = entry.target === wrap ? entry.contentBoxSize[0] : entry.borderBoxSize[0];
      widths.set(entry.target, size.inlineSize);
      changed.add(wrap);
    });
    changed.forEach(function (wrap) {
      if (!wrap.isConnected) {  // left by instant navigation
        overflow.unobserve(wrap);
        overflow.unobserve(wrap.firstElementChild);
        return;
      }
      // By more than a pixel: the browser rounds a box's scroll width to whole pixels.
      if (widths.get(wrap.firstElementChild) > widths.get(wrap) + 1) wrap.setAttribute("tabindex", "0");
      else wrap.removeAttribute("tabindex");
    });
  });
  function fix() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      overflow.observe(wrap);
      overflow.observe(wrap.firstElementChild);
    });
    // Checklist boxes in lessons are read-only; name each by its item's text.
    document.querySelectorAll(".task-list-item input[type=checkbox]").forEach(function (box) {
      var item = box.closest(".task-list-item");
      box.setAttribute("aria-label", item.textContent.trim().slice(0, 120));
    });
  }
  // Material adds a toolbar (a <nav>) to each code block as it shows them; unnamed or
  // same-named navs confuse landmark navigation, so each gets its own name. Only the
  // nodes just added are searched: Material adds many (tooltips, search results).
  var codeBlocks = 0;
  function nameToolbars(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    var navs = node.matches("nav.md-code__nav") ? [node] : node.querySelectorAll("nav.md-code__nav");
    [].forEach.call(navs, function (nav) {
      if (nav.hasAttribute("aria-label")) return;
      codeBlocks += 1;
      nav.setAttribute("aria-label", "Code block " + codeBlocks + " actions");
    });
  }
  new MutationObserver(function (records) {
    records.forEach(function (record) { [].forEach.call(record.addedNodes, nameToolbars); });
  }).observe(document.body, { childList: true, subtree: true });
  window.smmBase.onEveryPage(fix);
})();
