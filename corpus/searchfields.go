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
	// lower is text with its ASCII letters in lower case, byte for byte:
	// a term without capitals and accents is looked for there with
	// vectorised byte searches.
	lower string
	// bounds holds, for article i, where its title, subtitle and speakers
	// start in text, at 3i, 3i+1 and 3i+2; 3i+3 is the end of its speakers.
	bounds []uint32
	// masks holds the letters (see letterMask) of article i's title,
	// subtitle and speakers at 3i, 3i+1 and 3i+2: a term with a letter a
	// field lacks is ruled out with one test. Most later letters of a
	// query are ruled out of most titles so.
	masks    []uint64
	prefixes []prefixBitset
	body     []bodyWords
	// terms answers a body prefix of three letters or more for the whole
	// corpus at once; cased, a term with capitals.
	terms *bodyTerms
	cased *casedTerms
}

// bodyWords is where an article's body words starting with each letter
// lie in its search text (see indexWords), copied here so that a term of
// three letters or more scans them without a visit to the article.
type bodyWords struct {
	text string
	ends [27]uint16 // unused when text is empty: the article's are too long
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
	f := searchFields{
		bounds:   make([]uint32, 0, 3*len(articles)+1),
		masks:    make([]uint64, 0, 3*len(articles)),
		prefixes: make([]prefixBitset, len(articles)),
		body:     make([]bodyWords, len(articles)),
	}
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
		if len(a.words) <= 1<<16-1 {
			f.body[i].text = a.words
			for b, e := range a.wordEnds {
				f.body[i].ends[b] = uint16(e)
			}
		}
	}
	f.bounds = append(f.bounds, uint32(b.Len()))
	f.text = b.String()
	f.lower = lowerASCII(f.text)
	for j := range len(f.bounds) - 1 {
		f.masks = append(f.masks, letterMask(f.text[f.bounds[j]:f.bounds[j+1]]))
	}
	f.terms = newBodyTerms(&f, articles)
	f.cased = &casedTerms{}
	return f
}

// The fields of article i that a search looks in, for masks.
const (
	fieldTitle = iota
	fieldDek
	fieldSpeakers
)

// lacks reports whether field of article i lacks one of the letters of t.
func (f *searchFields) lacks(i, field int, t *term) bool {
	return t.mask&^f.masks[3*i+field] != 0
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		b[i] = lowerByte(c)
	}
	return string(b)
}

// letterMask has a bit for each ASCII letter, in either case, and each
// digit that s holds.
func letterMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		m |= maskBit(s[i])
	}
	return m
}

func maskBit(c byte) uint64 {
	switch {
	case 'a' <= c && c <= 'z':
		return 1 << (c - 'a')
	case 'A' <= c && c <= 'Z':
		return 1 << (c - 'A')
	case '0' <= c && c <= '9':
		return 1 << (26 + c - '0')
	}
	return 0
}

// field is one of article i's fields as search reads it: accents folded,
// case kept, or ASCII in lower case when lower is set. The speakers field
// holds each name followed by speakerSep.
func (f *searchFields) field(i, field int, lower bool) string {
	text := f.text
	if lower {
		text = f.lower
	}
	return text[f.bounds[3*i+field]:f.bounds[3*i+field+1]]
}

// wordsStarting is article i's body words that start with c, each after
// a space.
func (f *searchFields) wordsStarting(articles []*Article, i int, c byte) string {
	return f.bucketWords(articles, i, bucketOf(c))
}

// allWords is article i's search text: all its body words, each after a
// space.
func (f *searchFields) allWords(articles []*Article, i int) string {
	if w := f.body[i].text; w != "" {
		return w
	}
	return articles[i].words
}

// bucketWords is article i's body words of group b (see bucketOf), each
// after a space.
func (f *searchFields) bucketWords(articles []*Article, i, b int) string {
	w := &f.body[i]
	if w.text == "" {
		return articles[i].bucketWords(b)
	}
	start := uint16(0)
	if b > 0 {
		start = w.ends[b-1]
	}
	return w.text[start:w.ends[b]]
}

func (f *searchFields) title(i int) string { return f.field(i, fieldTitle, false) }

// anySpeaker calls yes with each speaker name of article i until it
// returns true, and reports whether one did.
func (f *searchFields) anySpeaker(i int, lower bool, yes func(name string) bool) bool {
	s := f.field(i, fieldSpeakers, lower)
	for s != "" {
		end := strings.IndexByte(s, speakerSep)
		if yes(s[:end]) {
			return true
		}
		s = s[end+1:]
	}
	return false
}
