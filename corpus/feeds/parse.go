package feeds

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"counterpoint/corpus"
)

// Feed is a parsed feed document: RSS 0.9x, 1.0 or 2.0, Atom or JSON Feed.
// Its strings are still untrusted; corpus.FromWeb sanitises what is kept.
type Feed struct {
	Title   string
	SiteURL string
	Items   []Item
}

// Item is one entry of a feed.
type Item struct {
	ID        string // the item's URL, or its GUID when it has no link
	URL       string // its page, if an http(s) link
	Title     string
	Summary   string // plain text of the description
	Content   string // plain text of the full content, when the feed carries it
	Author    string
	Published time.Time // zero when the feed gives none
}

// ParseFeed reads a feed document of any supported format.
func ParseFeed(body []byte) (*Feed, error) {
	pf, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("not a feed this reader understands (RSS, Atom or JSON Feed): %s", shortError(err))
	}
	f := &Feed{Title: pf.Title, SiteURL: corpus.SafeURL(pf.Link)}
	for _, it := range pf.Items {
		if it == nil {
			continue
		}
		item := Item{
			URL:     corpus.SafeURL(it.Link),
			Title:   htmlLine(it.Title),
			Summary: HTMLText(it.Description),
			Content: HTMLText(it.Content),
		}
		item.ID = item.URL
		if item.ID == "" {
			item.ID = strings.TrimSpace(it.GUID)
		}
		switch {
		case len(it.Authors) > 0 && it.Authors[0] != nil:
			item.Author = it.Authors[0].Name
		case it.Author != nil:
			item.Author = it.Author.Name
		}
		switch {
		case it.PublishedParsed != nil:
			item.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			item.Published = *it.UpdatedParsed
		}
		f.Items = append(f.Items, item)
	}
	return f, nil
}

// shortError keeps a parser's message to one short line: it may quote the
// document, which is untrusted.
func shortError(err error) string {
	s := corpus.SanitizeLine(err.Error())
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}
