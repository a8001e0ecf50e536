"""Fast first paint: the CSS each page uses, inline; stylesheets and scripts that never block."""
