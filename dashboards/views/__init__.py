"""Page views: each module has `render(store, filters)`; `dashboards/pages/` holds the page scripts."""
