package corpus

import (
	"bufio"
	"fmt"
	"io"
	"runtime"
	"testing"

	"counterpoint/corpus/synth"
)

// BenchmarkAnalyseSeeds: parsing and analysing the five embedded seeds
// (target: under 5 ms).
func BenchmarkAnalyseSeeds(b *testing.B) {
	for b.Loop() {
		LoadSeeds()
	}
}

// BenchmarkLoad reads and analyses synthetic corpora from disk on all
// cores (targets: 10k articles under 1 s, 100k under 10 s, scaling
// linearly; heap under 3x the corpus size). It reports MB/s and the heap
// the loaded corpus holds per byte of text (heap/corpus).
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			if testing.Short() && n > 10_000 {
				b.Skip("100k articles take a minute to write; run without -short")
			}
			dir := b.TempDir()
			size, err := synth.Write(dir, n)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(size)
			var c *Corpus
			b.ResetTimer()
			for b.Loop() {
				c, err = Load([]string{dir}, Options{})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(heapPerByte(c, size), "heap/corpus")
		})
	}
}

// heapPerByte measures the live heap with the corpus held, relative to the
// corpus size on disk.
func heapPerByte(c *Corpus, size int64) float64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	runtime.KeepAlive(c)
	return float64(m.HeapAlloc) / float64(size)
}

// BenchmarkAnalyseArticle is the per-article cost of parsing and analysis,
// with the text already in memory.
func BenchmarkAnalyseArticle(b *testing.B) {
	texts := make([]string, 200)
	var size int64
	for i := range texts {
		texts[i] = synth.Article(i)
		size += int64(len(texts[i]))
	}
	b.SetBytes(size / int64(len(texts)))
	i := 0
	for b.Loop() {
		Parse("x", "x", texts[i%len(texts)]).Analyse()
		i++
	}
}

// BenchmarkQuotesJSON is `counterpoint quotes --json` over 10k synthetic
// articles without the process around it: the files read, analysed on all
// cores and written as JSON in order (target: under 1 s, and under five
// times `cat` of the same files). Its CPU profile is the load's hot path:
// go test ./corpus -run '^$' -bench QuotesJSON -benchtime 3x -cpuprofile cpu.out
func BenchmarkQuotesJSON(b *testing.B) {
	dir := b.TempDir()
	size, err := synth.Write(dir, 10_000)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	before := cpuTime()
	for b.Loop() {
		w := bufio.NewWriterSize(io.Discard, 64<<10)
		out := NewJSONArray(w)
		skip := func(s Skipped) { b.Error(s) }
		if _, err := Each([]string{dir}, Options{NoSearchIndex: true, NoDebate: true}, skip, out.AddQuotes); err != nil {
			b.Fatal(err)
		}
		if err := out.Close(); err != nil {
			b.Fatal(err)
		}
		w.Flush()
	}
	b.ReportMetric(float64(cpuTime()-before)/float64(b.N)/1e9, "cpu-s/op")
}

// BenchmarkTokenize is the tokeniser alone over the paragraphs of
// synthetic articles, each with its quotations masked as analyse masks
// them.
func BenchmarkTokenize(b *testing.B) {
	type para struct {
		text string
		refs []quoteRef
	}
	var paras []para
	var size int64
	for i := range 200 {
		a := Parse("x", "x", synth.Article(i))
		qs, _ := extractQuotes(a.Paragraphs, nil, nil)
		refs := make([][]quoteRef, len(a.Paragraphs))
		for k, q := range qs {
			refs[q.Paragraph] = append(refs[q.Paragraph], quoteRef{k, q.open, q.close})
		}
		for k, p := range a.Paragraphs {
			paras = append(paras, para{p, refs[k]})
			size += int64(len(p))
		}
	}
	b.SetBytes(size)
	buf := make([]token, 0, 1<<16)
	for b.Loop() {
		for _, p := range paras {
			buf = tokenize(buf[:0], p.text, p.refs)
		}
	}
}
