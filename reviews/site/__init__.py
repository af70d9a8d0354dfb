"""The public reader site: pages, feeds, the sitemap, share-link previews."""
