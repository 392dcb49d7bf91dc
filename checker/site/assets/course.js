// Accessibility fixes Material leaves to the site, applied on every page, also after
// instant navigation swaps the content.
(function () {
  function fix() {
    // Wide tables scroll sideways: keyboard users need to be able to focus them.
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Table (scrolls sideways)");
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
  if (window.document$) {
    window.document$.subscribe(fix);
  } else {
    document.addEventListener("DOMContentLoaded", fix);
  }
})();
