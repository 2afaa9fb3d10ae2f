package corpus

// indexWords builds the article's search text: each distinct body word
// once, lower-case and without accents, after a space, grouped by first
// letter (a to z, then every other first character) and otherwise in order
// of first use. It is about half the size of the body and is scanned with
// the vectorised substring search; a word prefix is looked for only among
// the words of its first letter, a twentieth of the text or so, which
// keeps a three-letter term over 100k articles as fast as a two-letter
// one. Grouping is a counting sort: linear, where sorting the words would
// add a fifth to the analysis. Words are told apart by a 64-bit hash in a
// small open-addressing table, which costs far less than a map of strings.
//
// It reads the words off the tokens the analysis already made; a quotation
// stands as one token there, so its words are read from its text.
//
// The text is built in out, scratch the caller reuses, and copied once at
// its exact size; out is returned for reuse.
func (a *Article) indexWords(seen *wordSet, toks [][]token, out []byte) []byte {
	a.indexFolds()
	seen.reset(a.Words)
	var buf []byte
	a.prefixes = prefixBitset{}
	var size [27]int
	add := func(w string) bool {
		buf = appendFoldLower(buf[:0], w)
		if len(buf) > 0 {
			out = keepWord(a, seen, &size, out, buf)
		}
		return true
	}
	for _, ts := range toks {
		for _, t := range ts {
			switch {
			case t.kind == tWord && t.lower != "" && !t.poss && isASCII(t.lower):
				// Already lower case: hash it where it lies.
				out = keepWord(a, seen, &size, out, t.lower)
			case t.kind == tWord:
				add(t.text)
			case t.kind == tQuote:
				forEachWord(t.text, add)
			}
		}
	}
	// Group by first letter: each group's place, then each word to it.
	var at [27]int
	end := 0
	for b, n := range size {
		at[b] = end
		end += n
		a.wordEnds[b] = uint32(end)
	}
	seen.grouped = append(seen.grouped[:0], make([]byte, end+1)...)
	g := seen.grouped
	for i := 0; i < len(out); {
		j := i + 1
		for j < len(out) && out[j] != ' ' {
			j++
		}
		b := bucketOf(out[i+1])
		at[b] += copy(g[at[b]:], out[i:j])
		i = j
	}
	g[end] = ' '
	a.words = string(g)
	return out
}

// keepWord appends a lower-case word to the search text the first time it
// is seen.
func keepWord[S string | []byte](a *Article, seen *wordSet, size *[27]int, out []byte, w S) []byte {
	if !seen.add(hash(w)) {
		return out
	}
	out = append(out, ' ')
	out = append(out, w...)
	a.prefixes.note(w[0], byteAt(w, 1))
	size[bucketOf(w[0])] += 1 + len(w)
	return out
}

// bucketOf is the group of a word by its first byte: a letter a to z, or
// 26 for the rest.
func bucketOf(c byte) int {
	if 'a' <= c && c <= 'z' {
		return int(c - 'a')
	}
	return 26
}

// bucketWords is the part of the search text that holds the words of
// group b, each after a space.
func (a *Article) bucketWords(b int) string {
	start := uint32(0)
	if b > 0 {
		start = a.wordEnds[b-1]
	}
	return a.words[start:a.wordEnds[b]]
}

// prefixBitset records, for each pair of letters a-z, whether a body word
// starts with it (the second letter may be "none": a one-letter word).
// It answers one- and two-letter terms outright and rules out most longer
// ones before the text is scanned: the first keystroke of a query, which
// cannot narrow a previous search, stays fast over a large corpus.
type prefixBitset [(26*27 + 63) / 64]uint64

type prefixAnswer uint8

const (
	prefixUnknown prefixAnswer = iota // scan the text
	prefixAbsent
	prefixPresent
)

func letterIndex(c byte) int {
	if 'a' <= c && c <= 'z' {
		return int(c - 'a')
	}
	return -1
}

// note records the start of a lower-case word: its first byte, and its
// second (0 for a one-letter word).
func (p *prefixBitset) note(c0, c1 byte) {
	first := letterIndex(c0)
	if first < 0 {
		return
	}
	second := 26 // the word ends, or goes on with something else
	if s := letterIndex(c1); s >= 0 {
		second = s
	}
	bit := first*27 + second
	p[bit/64] |= 1 << (bit % 64)
}

func (p *prefixBitset) has(bit int) bool { return p[bit/64]&(1<<(bit%64)) != 0 }

// answer tells whether a word starts with the lower-case term, when the
// bitset can know.
func (p *prefixBitset) answer(t string) prefixAnswer {
	first := letterIndex(t[0])
	if first < 0 {
		return prefixUnknown
	}
	if len(t) == 1 {
		for s := range 27 {
			if p.has(first*27 + s) {
				return prefixPresent
			}
		}
		return prefixAbsent
	}
	second := letterIndex(t[1])
	if second < 0 {
		return prefixUnknown
	}
	if !p.has(first*27 + second) {
		return prefixAbsent
	}
	if len(t) == 2 {
		return prefixPresent
	}
	return prefixUnknown
}

// wordSet is a set of word hashes, reused between articles. It grows when
// half full, so a probe always finds an empty slot.
type wordSet struct {
	slots   []uint64
	n       int
	grouped []byte // scratch for the grouped search text
}

func (s *wordSet) reset(words int) {
	n := 64
	for n < 2*words {
		n *= 2
	}
	if cap(s.slots) < n {
		s.slots = make([]uint64, n)
	}
	s.slots = s.slots[:n]
	clear(s.slots)
	s.n = 0
}

// add inserts h and reports whether it was new. Zero marks an empty slot.
func (s *wordSet) add(h uint64) bool {
	if h == 0 {
		h = 1
	}
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	if s.insert(h) {
		s.n++
		return true
	}
	return false
}

func (s *wordSet) grow() {
	old := s.slots
	s.slots = make([]uint64, 2*len(old))
	for _, h := range old {
		if h != 0 {
			s.insert(h)
		}
	}
}

func (s *wordSet) insert(h uint64) bool {
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case 0:
			s.slots[i] = h
			return true
		case h:
			return false
		}
	}
}
