package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// QuoteRecord is the JSON form of a statement (`counterpoint quotes --json`).
type QuoteRecord struct {
	Article   string `json:"article"`
	Paragraph int    `json:"paragraph"`
	Text      string `json:"text"`
	Speaker   string `json:"speaker"`
	RoleTitle string `json:"role_title"`
	Party     string `json:"party"`
	Role      Role   `json:"role"`
	Kind      Kind   `json:"kind"`
}

// DebateRecord is the JSON form of a debate row (`counterpoint debate --json`).
type DebateRecord struct {
	Article    string       `json:"article"`
	Accusation *QuoteRecord `json:"accusation"`
	Response   *QuoteRecord `json:"response"`
}

// Record converts a statement of article a.
func (a *Article) Record(q *Quote) *QuoteRecord {
	if q == nil {
		return nil
	}
	return &QuoteRecord{
		Article: a.ID, Paragraph: q.Paragraph, Text: q.Text, Speaker: q.Speaker,
		RoleTitle: q.RoleTitle, Party: q.Party, Role: q.Role, Kind: q.Kind,
	}
}

// QuoteRecords lists every statement of the corpus.
func (c *Corpus) QuoteRecords() []QuoteRecord {
	out := []QuoteRecord{}
	for _, a := range c.Articles {
		for i := range a.Quotes {
			out = append(out, *a.Record(&a.Quotes[i]))
		}
	}
	return out
}

// DebateRecords lists every debate row of the corpus.
func (c *Corpus) DebateRecords() []DebateRecord {
	out := []DebateRecord{}
	for _, a := range c.Articles {
		for _, p := range a.Debate {
			out = append(out, DebateRecord{Article: a.ID, Accusation: a.Record(p.Accusation), Response: a.Record(p.Response)})
		}
	}
	return out
}

// WriteQuotes prints every statement as readable text, article by article.
func (c *Corpus) WriteQuotes(w io.Writer) error {
	for _, a := range c.Articles {
		fmt.Fprintf(w, "%s  %s\n", a.ID, a.Title)
		if a.Accused != "" || a.Accuser != "" {
			fmt.Fprintf(w, "  sides: %s accuses, %s answers\n", orNone(a.Accuser), orNone(a.Accused))
		}
		for i := range a.Quotes {
			q := &a.Quotes[i]
			fmt.Fprintf(w, "  ¶%-3d %-10s %-8s %s\n", q.Paragraph, q.Role, q.Kind, who(q))
			fmt.Fprintf(w, "        “%s”\n", q.Text)
		}
		fmt.Fprintln(w)
	}
	return nil
}

// WriteDebate prints each article's accusations next to their responses.
func (c *Corpus) WriteDebate(w io.Writer) error {
	for _, a := range c.Articles {
		fmt.Fprintf(w, "%s  %s\n", a.ID, a.Title)
		if len(a.Debate) == 0 {
			fmt.Fprintln(w, "  no accusations or responses found")
		}
		for _, p := range a.Debate {
			if p.Accusation != nil {
				fmt.Fprintf(w, "  ACCUSATION  %s\n    %s“%s”\n", who(p.Accusation), a.Framing(p.Accusation), p.Accusation.Text)
			} else {
				fmt.Fprintf(w, "  ACCUSATION  (none in this article)\n")
			}
			if p.Response != nil {
				fmt.Fprintf(w, "  RESPONSE    %s\n    %s“%s”\n", who(p.Response), a.Framing(p.Response), p.Response.Text)
			} else {
				fmt.Fprintf(w, "  RESPONSE    (no response in this article)\n")
			}
			fmt.Fprintln(w)
		}
	}
	return nil
}

func who(q *Quote) string {
	if q.Speaker == "" {
		return "(no speaker)"
	}
	var extra []string
	if q.RoleTitle != "" {
		extra = append(extra, q.RoleTitle)
	}
	if q.Party != "" && q.Party != q.Speaker {
		extra = append(extra, q.Party)
	}
	if len(extra) == 0 {
		return q.Speaker
	}
	return q.Speaker + " (" + strings.Join(extra, "; ") + ")"
}

func orNone(s string) string {
	if s == "" {
		return "no one"
	}
	return s
}

// JSONArray writes a JSON array one element at a time, in exactly the
// bytes encoding/json gives for the whole slice with a two-space indent
// and no HTML escaping, so a consumer of the array cannot tell the two
// apart. Only the element being written is held in memory.
type JSONArray struct {
	w   io.Writer
	buf bytes.Buffer
	enc *json.Encoder
	raw []byte // the element being written by hand (jsonrecord.go)
	n   int
}

// NewJSONArray starts an array on w; nothing is written before the first
// element or Close.
func NewJSONArray(w io.Writer) *JSONArray {
	j := &JSONArray{w: w}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	j.enc.SetIndent("  ", "  ")
	return j
}

// Add writes one element.
func (j *JSONArray) Add(v any) error {
	j.buf.Reset()
	if j.n == 0 {
		j.buf.WriteString("[\n  ")
	} else {
		j.buf.WriteString(",\n  ")
	}
	if err := j.enc.Encode(v); err != nil {
		return err
	}
	j.buf.Truncate(j.buf.Len() - 1) // Encode's newline
	j.n++
	_, err := j.w.Write(j.buf.Bytes())
	return err
}

// Close ends the array.
func (j *JSONArray) Close() error {
	end := "\n]\n"
	if j.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(j.w, end)
	return err
}

// AddQuotes writes the statements of one article.
func (j *JSONArray) AddQuotes(a *Article) error {
	for i := range a.Quotes {
		j.raw = appendQuoteRecord(j.element(), a.Record(&a.Quotes[i]), "  ")
		if err := j.writeRaw(); err != nil {
			return err
		}
	}
	return nil
}

// AddDebate writes the debate rows of one article.
func (j *JSONArray) AddDebate(a *Article) error {
	for _, p := range a.Debate {
		r := DebateRecord{Article: a.ID, Accusation: a.Record(p.Accusation), Response: a.Record(p.Response)}
		j.raw = appendDebateRecord(j.element(), &r, "  ")
		if err := j.writeRaw(); err != nil {
			return err
		}
	}
	return nil
}

// element starts the next element in j.raw, after the array's opening or
// the comma before it.
func (j *JSONArray) element() []byte {
	if j.n == 0 {
		return append(j.raw[:0], "[\n  "...)
	}
	return append(j.raw[:0], ",\n  "...)
}

func (j *JSONArray) writeRaw() error {
	j.n++
	_, err := j.w.Write(j.raw)
	return err
}
