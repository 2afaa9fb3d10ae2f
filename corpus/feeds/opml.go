package feeds

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"counterpoint/corpus"
)

// OPML is the file every feed reader moves subscriptions with: an outline
// whose entries carry xmlUrl, possibly nested in folders.

type opmlDoc struct {
	XMLName xml.Name  `xml:"opml"`
	Version string    `xml:"version,attr"`
	Title   string    `xml:"head>title"`
	Body    []outline `xml:"body>outline"`
}

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Outlines []outline `xml:"outline"`
}

// MaxOPMLBytes bounds an OPML file read; a few thousand subscriptions fit
// in a megabyte.
const MaxOPMLBytes = 4 << 20

// ReadOPML reads the subscriptions of an OPML file, folders flattened.
// Entries whose address is not http or https are returned in skipped.
func ReadOPML(r io.Reader) (subs []Subscription, skipped []Failure, err error) {
	var doc opmlDoc
	dec := xml.NewDecoder(io.LimitReader(r, MaxOPMLBytes))
	dec.CharsetReader = charsetReader
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, fmt.Errorf("not an OPML file: %s", shortError(err))
	}
	seen := map[string]bool{}
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			if o.XMLURL != "" {
				u := corpus.SafeURL(o.XMLURL)
				switch {
				case u == "":
					skipped = append(skipped, Failure{URL: o.XMLURL, Reason: "not an http or https address"})
				case !seen[u]:
					seen[u] = true
					subs = append(subs, Subscription{URL: u, Title: strings.TrimSpace(corpus.SanitizeLine(firstOf(o.Title, o.Text)))})
				}
			}
			walk(o.Outlines)
		}
	}
	walk(doc.Body)
	return subs, skipped, nil
}

// WriteOPML writes the subscriptions as an OPML 2.0 file.
func WriteOPML(w io.Writer, title string, subs []Subscription) error {
	doc := opmlDoc{Version: "2.0", Title: title}
	for _, s := range subs {
		name := firstOf(s.Title, s.URL)
		doc.Body = append(doc.Body, outline{Text: name, Title: name, Type: "rss", XMLURL: s.URL})
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	bw.WriteString("\n")
	return bw.Flush()
}

func firstOf(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}

// charsetReader lets encoding/xml read OPML files that declare an
// encoding other than UTF-8 (older readers wrote ISO-8859-1).
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	return charsetNewReaderLabel(label, input)
}
