package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The streamed array must be byte for byte what encoding/json writes for
// the whole slice, so that the scorers and any other reader see no change.
func TestJSONArrayMatchesEncodingJSON(t *testing.T) {
	c := synthCorpus(30)
	seeds := LoadSeeds()
	c.Articles = append(c.Articles, seeds.Articles...)
	for _, tc := range []struct {
		name  string
		whole any
		add   func(*JSONArray, *Article) error
	}{
		{"quotes", c.QuoteRecords(), (*JSONArray).AddQuotes},
		{"debate", c.DebateRecords(), (*JSONArray).AddDebate},
		{"empty", []QuoteRecord{}, func(*JSONArray, *Article) error { return nil }},
	} {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(tc.whole); err != nil {
			t.Fatal(err)
		}
		arr := NewJSONArray(&got)
		for _, a := range c.Articles {
			if err := tc.add(arr, a); err != nil {
				t.Fatal(err)
			}
		}
		if err := arr.Close(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: streamed %d bytes differ from encoding/json's %d", tc.name, got.Len(), want.Len())
		}
	}
}

// Each hands over the same articles as Load, in the same order, with the
// same skipped files.
func TestEachMatchesLoad(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/a/one.txt", goodArticle)
	write(t, dir+"/b/one.txt", goodArticle)
	write(t, dir+"/c.txt", "")
	write(t, dir+"/d.txt", "Another\n\nBody.\n")
	c, err := Load([]string{dir}, Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	var skipped []Skipped
	n, err := Each([]string{dir}, Options{Workers: 3}, func(s Skipped) { skipped = append(skipped, s) }, func(a *Article) error {
		ids = append(ids, a.ID)
		return nil
	})
	if err != nil || n != len(c.Articles) {
		t.Fatalf("Each: %d articles, %v", n, err)
	}
	for i, a := range c.Articles {
		if ids[i] != a.ID {
			t.Errorf("article %d: %s, Load gives %s", i, ids[i], a.ID)
		}
	}
	if len(skipped) != len(c.Skipped) || len(skipped) != 1 || skipped[0] != c.Skipped[0] {
		t.Errorf("skipped %v, Load skips %v", skipped, c.Skipped)
	}
}

// A reader that stops (a closed pipe) stops the run without a hang.
func TestEachStopsOnError(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		write(t, dir+"/"+name+".txt", goodArticle)
	}
	stop := errors.New("stop")
	seen := 0
	_, err := Each([]string{dir}, Options{Workers: 2}, func(Skipped) {}, func(*Article) error {
		seen++
		return stop
	})
	if err != stop || seen != 1 {
		t.Errorf("got %v after %d articles, want the error after the first", err, seen)
	}
}

// Skipped files are reported in the order of the walk, whether the walk
// skipped them (a pipe) or reading did (an empty file): the walk runs
// while the first files are read.
func TestEachReportsSkipsInWalkOrder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir+"/a.txt", "")
	if err := syscall.Mkfifo(dir+"/b.txt", 0o644); err != nil {
		t.Fatal(err)
	}
	write(t, dir+"/c.txt", goodArticle)
	var got []string
	n, err := Each([]string{dir}, Options{Workers: 2}, func(s Skipped) { got = append(got, filepath.Base(s.Path)+": "+s.Reason) }, func(*Article) error { return nil })
	if err != nil || n != 1 {
		t.Fatalf("Each: %d articles, %v", n, err)
	}
	want := []string{"a.txt: empty file", "b.txt: not a regular file"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("skipped %q, want %q", got, want)
	}
}

// While more analysed text waits than maxPendingText, no new file is
// handed out, yet the run goes on to the end in order: the article the
// writer waits for is always already being read.
func TestEachGoesOnPastThePendingBound(t *testing.T) {
	dir := t.TempDir()
	body := strings.Repeat("Lee said the plan would work. ", maxPendingText/3/30+1)
	for _, name := range []string{"a", "b", "c", "d", "e"} {
		write(t, dir+"/"+name+".txt", "Title "+name+"\n\n"+body+"\n")
	}
	var ids []string
	n, err := Each([]string{dir}, Options{Workers: 4}, func(s Skipped) { t.Error(s) }, func(a *Article) error {
		ids = append(ids, a.ID)
		return nil
	})
	if err != nil || n != 5 || strings.Join(ids, ",") != "a,b,c,d,e" {
		t.Errorf("Each: %d articles %v, %v; want a to e in order", n, ids, err)
	}
}

// A halted wait returns at once, and a wait returns when the count comes
// down.
func TestPendingTextWaits(t *testing.T) {
	var p pendingText
	p.cond.L = &p.mu
	p.add(10)
	released := make(chan bool)
	go func() { released <- p.waitBelow(5) }()
	p.add(-6)
	if ok := <-released; !ok {
		t.Error("waitBelow: false after the count came down")
	}
	p.add(10)
	go func() { released <- p.waitBelow(5) }()
	p.halt()
	if ok := <-released; ok {
		t.Error("waitBelow: true after halt")
	}
}
