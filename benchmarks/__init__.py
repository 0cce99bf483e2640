"""The benchmark and its generated data: tools for the project, not part of the app (they need Playwright)."""
