"""The course site: Markdown directives (work with any Python-Markdown site builder) and a
thin MkDocs plugin for what only a plugin can do (assets, downloads, lesson boxes)."""
