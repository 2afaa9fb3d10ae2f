package feeds

import (
	"bytes"
	"errors"
	"net/url"
	"strings"

	"codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// Page is the readable part of an article page.
type Page struct {
	Title   string
	Byline  string
	Excerpt string
	Site    string
	Text    string // plain text, paragraphs on lines of their own
}

// ErrNoArticle is returned for a page with no readable article in it.
var ErrNoArticle = errors.New("no readable article on the page")

// ExtractPage reduces an HTML page to its article with readability (which
// drops navigation, ads, sidebars and comments) and renders that as plain
// text. No script runs: the page is only parsed.
func ExtractPage(body []byte, contentType, pageURL string) (*Page, error) {
	u, err := url.Parse(pageURL)
	if err != nil {
		return nil, err
	}
	r, err := charset.NewReader(bytes.NewReader(body), contentType)
	if err != nil {
		return nil, err
	}
	doc, err := html.Parse(r)
	if err != nil {
		return nil, err
	}
	art, err := readability.FromDocument(doc, u)
	if err != nil {
		return nil, ErrNoArticle
	}
	if art.Node == nil {
		return nil, ErrNoArticle
	}
	p := &Page{
		Title:   art.Title(),
		Byline:  art.Byline(),
		Excerpt: art.Excerpt(),
		Site:    art.SiteName(),
		Text:    nodeText(art.Node),
	}
	if strings.TrimSpace(p.Text) == "" {
		return nil, ErrNoArticle
	}
	return p, nil
}

// HTMLText renders an HTML fragment (a feed item's description or content)
// as plain text, paragraphs on lines of their own. Text that is not HTML
// comes back as it is, with its entities decoded.
func HTMLText(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, n := range nodes {
		b.WriteString(nodeText(n))
		b.WriteString("\n")
	}
	return strings.TrimSpace(b.String())
}

// htmlLine is HTMLText for a title: one line.
func htmlLine(s string) string {
	return strings.Join(strings.Fields(HTMLText(s)), " ")
}

// invisible are elements whose text is never part of the article: code,
// embedded objects, forms and page furniture a feed sometimes includes.
var invisible = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "iframe": true,
	"object": true, "embed": true, "form": true, "button": true, "select": true,
	"textarea": true, "nav": true, "svg": true, "head": true, "title": true,
}

// nodeText removes the invisible elements and renders the rest with the
// readability library's innerText, which knows block from inline.
func nodeText(n *html.Node) string {
	var strip func(*html.Node)
	strip = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && invisible[c.Data] || c.Type == html.CommentNode {
				n.RemoveChild(c)
			} else {
				strip(c)
			}
			c = next
		}
	}
	if n.Type == html.ElementNode && invisible[n.Data] {
		return ""
	}
	strip(n)
	return render.InnerText(n)
}
