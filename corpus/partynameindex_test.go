package corpus

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The index gives every party the name a scan of the names gives, with
// names that end with, start with and hold each other.
func TestPartyNameIndexAgreesWithScan(t *testing.T) {
	words := []string{"Skyway", "Airlines", "Group", "Post", "Washington", "China", "Daily", "FA", "West", "Riding", "Maren", "Voss", "Ltd.", ""}
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 20; round++ {
		var names, parties []string
		for len(names) < 3*maxScannedNames {
			n := make([]string, 1+r.IntN(4))
			for i := range n {
				n[i] = words[r.IntN(len(words))]
			}
			name := strings.Join(n, " ")
			names = append(names, name)
			parties = append(parties, name, n[0], n[len(n)-1], strings.Join(n[1:], " "), strings.Join(n[:len(n)-1], " "))
		}
		x := newPartyNameIndex(names)
		if x.full == nil {
			t.Fatal("the index was not built")
		}
		for _, p := range parties {
			if got, want := x.of(p), fullPartyName(p, names); got != want {
				t.Fatalf("%q: index gives %q, scan %q", p, got, want)
			}
		}
	}
}

// The indexed body finds the names a scan of the paragraphs finds, and no
// name that only the joining of two paragraphs would make.
func TestInBodyFinderAgreesWithScan(t *testing.T) {
	paras := []string{"Skyway Airlines said", "West Riding FA ruled", "the Post"}
	names := []string{"Skyway", "said West", "FA ruled", "Riding FA", "ruled the", "Post", "post", "Washington Post", "Airlines said", "", "FA\x00ruled"}
	for len(names) <= maxScannedNames {
		names = append(names, names...)
	}
	found := inBodyFinder(paras, len(names))
	for _, n := range names {
		if got, want := found(n), inBody(paras, n); got != want {
			t.Errorf("%q: indexed %v, scanned %v", n, got, want)
		}
	}
}
