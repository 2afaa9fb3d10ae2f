// Package ui is counterpoint's terminal interface: Bubble Tea models for
// the article list, the reading pane and the debate views, and the SSH
// server that puts them on a remote terminal.
package ui

import (
	"hash/fnv"
	"sort"

	"counterpoint/corpus"
	"counterpoint/corpus/library"
)

// Shared is what every session of the reader has in common: the corpus,
// the speakers' colours and the render cache. It is built once and read
// by any number of sessions at once; a session costs only its own state.
type Shared struct {
	Corpus *corpus.Corpus
	slots  map[string]int // speaker name → palette slot
	main   [][]string     // each article's most quoted speakers, for its list row
	cache  *renderCache
	// From the library (library.go); nil for files and seeds.
	lib     *Library
	entries map[string]library.Entry
}

// listSpeakers is how many speakers a list row names.
const listSpeakers = 3

// NewShared prepares a corpus for reading.
func NewShared(c *corpus.Corpus) *Shared {
	main := make([][]string, len(c.Articles))
	for i, a := range c.Articles {
		main[i] = mainSpeakers(a, listSpeakers) // once, not on every frame
	}
	return &Shared{Corpus: c, slots: assignColours(c), main: main, cache: newRenderCache(renderCacheBytes)}
}

// assignColours gives every speaker one palette slot, the same in every
// article. A speaker starts from a slot chosen by the hash of their name,
// so that the choice does not depend on load order more than it must,
// then moves to the next slot not taken by a speaker they share an
// article with: within an article, colours differ whenever the palette
// allows.
func assignColours(c *corpus.Corpus) map[string]int {
	slots := map[string]int{}
	coSpeakers := map[string]map[string]bool{}
	var order []string
	for _, a := range c.Articles {
		for _, s := range a.Speakers {
			if coSpeakers[s.Name] == nil {
				coSpeakers[s.Name] = map[string]bool{}
				order = append(order, s.Name)
			}
			for _, o := range a.Speakers {
				if o.Name != s.Name {
					coSpeakers[s.Name][o.Name] = true
				}
			}
		}
	}
	for _, name := range order {
		taken := make([]bool, paletteSize)
		others := make([]string, 0, len(coSpeakers[name]))
		for o := range coSpeakers[name] {
			others = append(others, o)
		}
		sort.Strings(others)
		for _, o := range others {
			if slot, ok := slots[o]; ok {
				taken[slot] = true
			}
		}
		start := int(hashName(name) % paletteSize)
		slot := start
		for k := range paletteSize {
			if s := (start + k) % paletteSize; !taken[s] {
				slot = s
				break
			}
		}
		slots[name] = slot
	}
	return slots
}

func hashName(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// Slot returns a speaker's palette slot, or -1 for no speaker.
func (s *Shared) Slot(name string) int {
	if slot, ok := s.slots[name]; ok {
		return slot
	}
	if name == "" {
		return -1
	}
	return int(hashName(name) % paletteSize)
}
