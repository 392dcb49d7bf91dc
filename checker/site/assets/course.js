// Accessibility fixes Material leaves to the site, applied on every page, also after
// instant navigation swaps the content.
(function () {
  function fix() {
    // Wide tables and notebook code scroll sideways: keyboard users must be able to
    // focus them to scroll.
    var scrollers = ".md-typeset__scrollwrap, .highlight-ipynb, .jupyter-wrapper pre";
    document.querySelectorAll(scrollers).forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.setAttribute("tabindex", "0");
      }
    });
    // Checklist boxes in lessons are read-only; name each by its item's text.
    document.querySelectorAll(".task-list-item input[type=checkbox]").forEach(function (box) {
      var item = box.closest(".task-list-item");
      box.setAttribute("aria-label", item.textContent.trim().slice(0, 120));
    });
  }
  // Material adds a toolbar (a <nav>) to each code block as it shows them; unnamed or
  // same-named navs confuse landmark navigation, so each gets its own name.
  var codeBlocks = 0;
  new MutationObserver(function () {
    document.querySelectorAll("nav.md-code__nav:not([aria-label])").forEach(function (nav) {
      codeBlocks += 1;
      nav.setAttribute("aria-label", "Code block " + codeBlocks + " actions");
    });
  }).observe(document.body, { childList: true, subtree: true });
  window.smmBase.onEveryPage(fix);
})();
