package feeds

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// feedTypes are the link types a page announces its feeds with.
var feedTypes = map[string]bool{
	"application/rss+xml": true, "application/atom+xml": true,
	"application/feed+json": true, "application/json": true,
}

// discoverFeed finds the first feed a web page announces with
// <link rel="alternate" type="application/rss+xml" href="…">, so a
// subscription may name a site's home page instead of its feed.
func discoverFeed(page []byte, pageURL string) string {
	base, err := url.Parse(pageURL)
	if err != nil {
		return ""
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) == "body" {
				return "" // links to feeds stand in the head
			}
			if string(name) != "link" || !hasAttr {
				continue
			}
			attrs := map[string]string{}
			for {
				k, v, more := z.TagAttr()
				attrs[string(k)] = string(v)
				if !more {
					break
				}
			}
			rels := strings.Fields(strings.ToLower(attrs["rel"]))
			typ := strings.ToLower(strings.TrimSpace(attrs["type"]))
			if !containsString(rels, "alternate") || !feedTypes[typ] || attrs["href"] == "" {
				continue
			}
			if u, err := base.Parse(strings.TrimSpace(attrs["href"])); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
				return u.String()
			}
		}
	}
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
