package corpus

import (
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/fnv"
	"sync"
)

// A snapshot is an analysed article in a compact binary form, so a library
// of thousands of articles opens without analysing each again: decoding is
// some fifty times cheaper than the analysis. It holds what the analysis
// produced (paragraphs, statements, speakers, debate, sides, search words);
// the article's identity (ID, path, URL, byline, outlet, time) is kept by
// whoever stores the snapshot.

// snapshotFormat changes whenever the encoding below does.
const snapshotFormat = 2

// engineRevision is raised by hand when the analysis changes in a way the
// seeds do not show; AnalysisVersion also changes on its own whenever the
// analysis of the seeds does.
const engineRevision = "1"

var (
	versionOnce sync.Once
	version     string
)

// AnalysisVersion names the analysis this build does. A snapshot made by a
// build with another version must not be used: the article is analysed
// again. It is the revision above plus a hash of the snapshots of the
// embedded seeds, computed once (a few milliseconds).
func AnalysisVersion() string {
	versionOnce.Do(func() {
		h := fnv.New64a()
		for _, a := range LoadSeeds().Articles {
			h.Write(a.AppendSnapshot(nil))
		}
		version = engineRevision + "-" + hex.EncodeToString(h.Sum(nil))
	})
	return version
}

var kinds = []Kind{Direct, Transcript, Scare}
var roles = []Role{Accusation, Response, Other}

// AppendSnapshot appends the article's snapshot to buf.
func (a *Article) AppendSnapshot(buf []byte) []byte {
	buf = append(buf, snapshotFormat)
	for _, s := range []string{a.Title, a.Dek, a.Dateline, a.Date, a.Genre, a.Accuser, a.Accused, a.words} {
		buf = appendString(buf, s)
	}
	buf = binary.AppendUvarint(buf, uint64(a.Words))
	for _, w := range a.prefixes {
		buf = binary.LittleEndian.AppendUint64(buf, w)
	}
	for _, e := range a.wordEnds {
		buf = binary.AppendUvarint(buf, uint64(e))
	}
	buf = binary.AppendUvarint(buf, uint64(len(a.Paragraphs)))
	for _, p := range a.Paragraphs {
		buf = appendString(buf, p)
	}
	buf = binary.AppendUvarint(buf, uint64(len(a.Quotes)))
	for i := range a.Quotes {
		q := &a.Quotes[i]
		buf = binary.AppendUvarint(buf, uint64(q.Paragraph))
		buf = binary.AppendUvarint(buf, uint64(q.Start))
		buf = binary.AppendUvarint(buf, uint64(q.End))
		// Most statements are their span of the paragraph: store the text
		// only when it is not, and share the paragraph's memory otherwise.
		if q.Paragraph < len(a.Paragraphs) && q.Start <= q.End && q.End <= len(a.Paragraphs[q.Paragraph]) &&
			a.Paragraphs[q.Paragraph][q.Start:q.End] == q.Text {
			buf = append(buf, 0)
		} else {
			buf = append(buf, 1)
			buf = appendString(buf, q.Text)
		}
		buf = append(buf, byte(indexOf(kinds, q.Kind)), byte(indexOf(roles, q.Role)))
		buf = appendString(buf, q.Speaker)
		buf = appendString(buf, q.RoleTitle)
		buf = appendString(buf, q.Party)
	}
	buf = binary.AppendUvarint(buf, uint64(len(a.Speakers)))
	for _, s := range a.Speakers {
		buf = appendString(buf, s.Name)
		buf = appendString(buf, s.RoleTitle)
		buf = appendString(buf, s.Party)
		buf = binary.AppendUvarint(buf, uint64(s.Quotes))
	}
	buf = binary.AppendUvarint(buf, uint64(len(a.Debate)))
	for _, p := range a.Debate {
		buf = binary.AppendUvarint(buf, a.quoteRef(p.Accusation))
		buf = binary.AppendUvarint(buf, a.quoteRef(p.Response))
	}
	return buf
}

// quoteRef is a statement's index plus one, or 0 for none.
func (a *Article) quoteRef(q *Quote) uint64 {
	for i := range a.Quotes {
		if &a.Quotes[i] == q {
			return uint64(i) + 1
		}
	}
	return 0
}

var errSnapshot = errors.New("damaged or outdated analysis snapshot")

// ArticleFromSnapshot rebuilds an analysed article from a snapshot made by
// AppendSnapshot; the caller sets its ID and the other identity fields.
// Every string of the article shares the memory of one copy of data.
func ArticleFromSnapshot(data []byte) (*Article, error) {
	return ArticleFromSnapshotString(string(data))
}

// ArticleFromSnapshotString is ArticleFromSnapshot for a snapshot already
// copied into a string, whose memory the article's strings then share.
func ArticleFromSnapshotString(data string) (*Article, error) {
	d := decoder{s: data}
	if d.byte() != snapshotFormat {
		return nil, errSnapshot
	}
	a := &Article{}
	for _, p := range []*string{&a.Title, &a.Dek, &a.Dateline, &a.Date, &a.Genre, &a.Accuser, &a.Accused, &a.words} {
		*p = d.string()
	}
	a.Words = d.int()
	for i := range a.prefixes {
		a.prefixes[i] = d.uint64()
	}
	prev := 0
	for i := range a.wordEnds {
		e := d.int()
		if e < prev || e > len(a.words) {
			return nil, errSnapshot
		}
		a.wordEnds[i], prev = uint32(e), e
	}
	a.Paragraphs = make([]string, d.count())
	for i := range a.Paragraphs {
		a.Paragraphs[i] = d.string()
	}
	a.Quotes = make([]Quote, d.count())
	for i := range a.Quotes {
		q := &a.Quotes[i]
		q.Paragraph, q.Start, q.End = d.int(), d.int(), d.int()
		if d.byte() == 0 {
			if q.Paragraph >= len(a.Paragraphs) || q.Start > q.End || q.End > len(a.Paragraphs[q.Paragraph]) {
				return nil, errSnapshot
			}
			q.Text = a.Paragraphs[q.Paragraph][q.Start:q.End]
		} else {
			q.Text = d.string()
		}
		k, r := int(d.byte()), int(d.byte())
		if k >= len(kinds) || r >= len(roles) {
			return nil, errSnapshot
		}
		q.Kind, q.Role = kinds[k], roles[r]
		q.Speaker, q.RoleTitle, q.Party = d.string(), d.string(), d.string()
	}
	a.Speakers = make([]Speaker, d.count())
	for i := range a.Speakers {
		s := &a.Speakers[i]
		s.Name, s.RoleTitle, s.Party, s.Quotes = d.string(), d.string(), d.string(), d.int()
	}
	a.Debate = make([]Pair, d.count())
	for i := range a.Debate {
		a.Debate[i].Accusation = d.quote(a)
		a.Debate[i].Response = d.quote(a)
	}
	if d.err || len(d.s) != 0 {
		return nil, errSnapshot
	}
	// Words sizes the search index's scratch: a damaged count must not
	// make a reader allocate gigabytes. A word takes at least one byte.
	body := 0
	for _, p := range a.Paragraphs {
		body += len(p)
	}
	if a.Words > body {
		return nil, errSnapshot
	}
	a.indexFolds() // derived from the title, subtitle and speakers
	return a, nil
}

func appendString(buf []byte, s string) []byte {
	buf = binary.AppendUvarint(buf, uint64(len(s)))
	return append(buf, s...)
}

func indexOf[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return len(xs) // decodes as an error
}

// decoder reads a snapshot; any damage sets err, after which it returns
// zero values, so the caller checks once at the end.
type decoder struct {
	s   string
	err bool
}

func (d *decoder) uvarint() uint64 {
	var x uint64
	var shift uint
	for i := 0; i < len(d.s) && i < binary.MaxVarintLen64; i++ {
		c := d.s[i]
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			d.s = d.s[i+1:]
			return x
		}
		shift += 7
	}
	d.err, d.s = true, ""
	return 0
}

func (d *decoder) int() int {
	x := d.uvarint()
	if x > uint64(len(d.s))+1<<31 {
		d.err = true
		return 0
	}
	return int(x)
}

// count reads a length of a list, each of whose entries takes at least one
// byte, so a damaged count cannot allocate more than the data could hold.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.s)) {
		d.err, d.s = true, ""
		return 0
	}
	return int(n)
}

func (d *decoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.s)) {
		d.err, d.s = true, ""
		return ""
	}
	s := d.s[:n]
	d.s = d.s[n:]
	return s
}

func (d *decoder) byte() byte {
	if len(d.s) == 0 {
		d.err = true
		return 0
	}
	b := d.s[0]
	d.s = d.s[1:]
	return b
}

func (d *decoder) uint64() uint64 {
	if len(d.s) < 8 {
		d.err, d.s = true, ""
		return 0
	}
	x := binary.LittleEndian.Uint64([]byte(d.s[:8]))
	d.s = d.s[8:]
	return x
}

func (d *decoder) quote(a *Article) *Quote {
	i := d.uvarint()
	switch {
	case i == 0:
		return nil
	case i > uint64(len(a.Quotes)):
		d.err = true
		return nil
	}
	return &a.Quotes[i-1]
}
