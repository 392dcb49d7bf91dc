"""The course site: Markdown directives and the lesson frame (Python-Markdown extensions,
which any MkDocs-compatible builder runs), the build step that adds assets, downloads and
the service worker (``python -m checker.site.build``), and a thin MkDocs plugin that runs it."""
