package corpus

import "strings"

// searchFields holds what a keystroke's search reads of every article, in
// a few flat arrays rather than in the articles themselves: the titles,
// subtitles and speaker names without accents, one after another in one
// text, and the two-letter index of each body. A first letter reads all
// of it for every article; read from articles scattered over a heap of a
// gigabyte, each was a cache miss, and those misses were half the time of
// the search.
type searchFields struct {
	text string
	// bounds holds, for article i, where its title, subtitle and speakers
	// start in text, at 3i, 3i+1 and 3i+2; 3i+3 is the end of its speakers.
	bounds   []uint32
	prefixes []prefixBitset
}

// speakerSep ends each speaker's name in the text; a name never holds it,
// as names are one line.
const speakerSep = '\n'

func newSearchFields(articles []*Article) searchFields {
	size := 0
	for _, a := range articles {
		size += len(a.Title) + len(a.Dek)
		for _, s := range a.Speakers {
			size += len(s.Name) + 1
		}
	}
	var b strings.Builder
	b.Grow(size)
	f := searchFields{bounds: make([]uint32, 0, 3*len(articles)+1), prefixes: make([]prefixBitset, len(articles))}
	for i, a := range articles {
		title, _ := a.searchTitle()
		f.bounds = append(f.bounds, uint32(b.Len()))
		b.WriteString(title)
		f.bounds = append(f.bounds, uint32(b.Len()))
		b.WriteString(a.searchDek())
		f.bounds = append(f.bounds, uint32(b.Len()))
		for k := range a.Speakers {
			b.WriteString(strings.ReplaceAll(a.speakerName(k), string(speakerSep), " "))
			b.WriteByte(speakerSep)
		}
		f.prefixes[i] = a.prefixes
	}
	f.bounds = append(f.bounds, uint32(b.Len()))
	f.text = b.String()
	return f
}

// title, dek and speakers are article i's fields as search reads them:
// accents folded, case kept. speakers holds each name followed by
// speakerSep.
func (f *searchFields) title(i int) string { return f.text[f.bounds[3*i]:f.bounds[3*i+1]] }
func (f *searchFields) dek(i int) string   { return f.text[f.bounds[3*i+1]:f.bounds[3*i+2]] }
func (f *searchFields) speakers(i int) string {
	return f.text[f.bounds[3*i+2]:f.bounds[3*i+3]]
}

// anySpeaker calls yes with each speaker name of article i until it
// returns true, and reports whether one did.
func (f *searchFields) anySpeaker(i int, yes func(name string) bool) bool {
	s := f.speakers(i)
	for s != "" {
		end := strings.IndexByte(s, speakerSep)
		if yes(s[:end]) {
			return true
		}
		s = s[end+1:]
	}
	return false
}
