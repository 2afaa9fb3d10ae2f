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
