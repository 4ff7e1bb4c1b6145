"""The Cross-Functional AI Team Handbook: its content model, validation, pages and build (see README.md)."""
