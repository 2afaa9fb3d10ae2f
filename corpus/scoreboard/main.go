// Command scoreboard measures the engine on the shared hand-labelled sets
// and prints one table, so that every change shows its effect on about a
// thousand quotes at once:
//
//	go run ./corpus/scoreboard [-shared ../shared] [-held 2] [-keep DIR]
//
// It analyses ../shared/devset/articles and ../shared/polnear-train/articles
// in-process, writes the `quotes --json` and `debate --json` records to a
// temporary folder, and runs the sets' own Python scorers on them (on
// subsets of the gold folders, linked into the temporary folder): devset
// articles 01-10, 11-24 and all; polnear-train without its last -held
// months (the fitting set) and those months alone (held back, to show the
// generalisation gap of anything fitted to the rest). The articles are
// measured, never copied: nothing here knows their text.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"counterpoint/corpus"
)

func main() {
	shared := flag.String("shared", "../shared", "folder holding devset/ and polnear-train/")
	held := flag.Int("held", 2, "polnear-train's last months held back from fitting")
	keep := flag.String("keep", "", "keep the records and scorer outputs in this folder (default: a temporary one, removed)")
	flag.Parse()
	if err := run(*shared, *held, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "scoreboard:", err)
		os.Exit(1)
	}
}

func run(shared string, held int, keep string) error {
	dir := keep
	if dir == "" {
		d, err := os.MkdirTemp("", "scoreboard")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	dev := filepath.Join(shared, "devset")
	pol := filepath.Join(shared, "polnear-train")

	devQuotes, devDebate, devTime, err := analyse(filepath.Join(dev, "articles"), dir, "dev")
	if err != nil {
		return err
	}
	polQuotes, _, polTime, err := analyse(filepath.Join(pol, "articles"), dir, "polnear")
	if err != nil {
		return err
	}

	// Gold subsets, as folders of links.
	devGold := filepath.Join(dev, "gold")
	devEarly, err := subset(devGold, dir, "dev-01-10", func(n string) bool { return num(n) <= 10 })
	if err != nil {
		return err
	}
	devLate, err := subset(devGold, dir, "dev-11-24", func(n string) bool { return num(n) > 10 })
	if err != nil {
		return err
	}
	polGold := filepath.Join(pol, "gold")
	heldMonths, nMonths, err := lastMonths(polGold, held)
	if err != nil {
		return err
	}
	isHeld := func(n string) bool { return heldMonths[month(n)] }
	polFit, err := subset(polGold, dir, "pol-fit", func(n string) bool { return !isHeld(n) })
	if err != nil {
		return err
	}
	polHeld, err := subset(polGold, dir, "pol-held", isHeld)
	if err != nil {
		return err
	}

	devScore := filepath.Join(dev, "score.py")
	polScore := filepath.Join(pol, "score.py")
	jobs := []struct {
		name string
		args []string
	}{
		{"dev-01-10", []string{devScore, devEarly, devQuotes}},
		{"dev-11-24", []string{devScore, devLate, devQuotes}},
		{"dev-all", []string{devScore, devGold, devQuotes}},
		{"pairs", []string{filepath.Join(dev, "score_pairs.py"), devGold, devDebate}},
		{"pol-fit", []string{polScore, polFit, polQuotes, "--split", "fit", "--misses", "0"}},
		{"pol-held", []string{polScore, polHeld, polQuotes, "--split", "held", "--misses", "0"}},
		{"pol-all", []string{polScore, polGold, polQuotes, "--split", "train", "--misses", "0"}},
	}
	outs := make([]string, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() {
			out, err := exec.Command("python3", j.args...).CombinedOutput()
			outs[i], errs[i] = string(out), err
			_ = os.WriteFile(filepath.Join(dir, j.name+".txt"), out, 0o644)
		})
	}
	wg.Wait()
	res := map[string]string{}
	for i, j := range jobs {
		if errs[i] != nil {
			return fmt.Errorf("%s: %v\n%s", j.name, errs[i], outs[i])
		}
		res[j.name] = outs[i]
	}

	months := make([]string, 0, len(heldMonths))
	for m := range heldMonths {
		months = append(months, m)
	}
	sort.Strings(months)
	fmt.Printf("analysis: devset %v, polnear-train %v (in-process, load included)\n\n", devTime.Round(time.Millisecond), polTime.Round(time.Millisecond))
	fmt.Printf("%-22s %-20s %-20s %-8s %-8s\n", "devset quotes", "recall", "precision", "speaker", "role")
	for _, k := range []string{"dev-01-10", "dev-11-24", "dev-all"} {
		m := devSummary.FindStringSubmatch(res[k])
		if m == nil {
			return fmt.Errorf("%s: no summary line", k)
		}
		fmt.Printf("%-22s %-20s %-20s %-8s %-8s\n", strings.TrimPrefix(k, "dev-"), m[1]+" ("+m[2]+")", m[3], m[4], m[5])
	}
	fmt.Printf("\n%-22s %-20s %-20s %-8s\n", "devset pairs", "recall", "precision", "unpaired-ok")
	for _, m := range pairGroup.FindAllStringSubmatch(res["pairs"], -1) {
		fmt.Printf("%-22s %-20s %-20s %-8s\n", m[1], m[2]+" ("+m[3]+")", m[4]+" ("+m[5]+")", m[6]+" ("+m[7]+")")
	}
	if m := pairAll.FindStringSubmatch(res["pairs"]); m != nil {
		fmt.Printf("%-22s %-20s %-20s\n", "all", m[1]+" ("+m[2]+")", m[3]+" ("+m[4]+")")
	}
	fmt.Printf("\n%-22s %-20s %-20s %-20s %-20s\n", "polnear-train", "recall", "speaker", "speaker name-src", "speaker pron/nominal")
	for _, k := range []struct{ key, label string }{
		{"pol-fit", fmt.Sprintf("fit (%d months)", nMonths-len(months))},
		{"pol-held", "held " + strings.Join(months, ",")},
		{"pol-all", "all"},
	} {
		out := res[k.key]
		m := polSummary.FindStringSubmatch(out)
		if m == nil {
			return fmt.Errorf("%s: no summary line", k.key)
		}
		kinds := polKinds(out)
		pn := kinds["pronoun"].plus(kinds["nominal"])
		fmt.Printf("%-22s %-20s %-20s %-20s %-20s\n", k.label, m[1]+" ("+m[2]+")", m[3]+" ("+m[4]+")", kinds["name"].String(), pn.String())
	}

	fmt.Println("\nmisses")
	fmt.Printf("  devset: %s\n", devMisses(res["dev-all"]))
	fmt.Printf("  pairs:  missed pair %d, wrong pair %d, response that answers nothing quoted not shown alone %d\n",
		count(res["pairs"], "  miss pair"), count(res["pairs"], "  wrong pair"), count(res["pairs"], "  miss unpaired"))
	fmt.Printf("  polnear (all): %s\n", polMisses(res["pol-all"]))
	if keep != "" {
		fmt.Printf("\nrecords and scorer outputs kept in %s\n", keep)
	}
	return nil
}

// analyse loads and analyses a folder and writes its quote and debate
// records as JSON.
func analyse(articles, dir, name string) (quotes, debate string, took time.Duration, err error) {
	start := time.Now()
	c, err := corpus.Load([]string{articles}, corpus.Options{})
	took = time.Since(start)
	if err != nil {
		return "", "", took, fmt.Errorf("%s: %w", articles, err)
	}
	for _, s := range c.Skipped {
		fmt.Fprintln(os.Stderr, "scoreboard: skipped", s)
	}
	quotes = filepath.Join(dir, name+"-quotes.json")
	debate = filepath.Join(dir, name+"-debate.json")
	if err := writeJSON(quotes, c.QuoteRecords()); err != nil {
		return "", "", took, err
	}
	if err := writeJSON(debate, c.DebateRecords()); err != nil {
		return "", "", took, err
	}
	return quotes, debate, took, nil
}

func writeJSON(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// subset links the gold files whose names pass keep into a new folder.
func subset(gold, dir, name string, keep func(string) bool) (string, error) {
	out := filepath.Join(dir, name)
	if err := os.MkdirAll(out, 0o755); err != nil {
		return "", err
	}
	abs, err := filepath.Abs(gold)
	if err != nil {
		return "", err
	}
	entries, err := os.ReadDir(gold)
	if err != nil {
		return "", err
	}
	n := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".json") || !keep(e.Name()) {
			continue
		}
		link := filepath.Join(out, e.Name())
		os.Remove(link)
		if err := os.Symlink(filepath.Join(abs, e.Name()), link); err != nil {
			return "", err
		}
		n++
	}
	if n == 0 {
		return "", fmt.Errorf("%s: no gold file for subset %s", gold, name)
	}
	return out, nil
}

// num is the number a devset file name starts with ("07_…").
func num(name string) int {
	n, _ := strconv.Atoi(strings.SplitN(name, "_", 2)[0])
	return n
}

var dateInName = regexp.MustCompile(`_(\d{4}-\d{2})-\d{2}_`)

// month is the year and month in a polnear file name
// ("outlet_2016-03-14_slug.json" → "2016-03").
func month(name string) string {
	m := dateInName.FindStringSubmatch(name)
	if m == nil {
		return ""
	}
	return m[1]
}

// lastMonths is the set of the last n months the gold folder's names
// carry, and how many months they carry in all.
func lastMonths(gold string, n int) (map[string]bool, int, error) {
	entries, err := os.ReadDir(gold)
	if err != nil {
		return nil, 0, err
	}
	seen := map[string]bool{}
	for _, e := range entries {
		if m := month(e.Name()); m != "" {
			seen[m] = true
		}
	}
	all := make([]string, 0, len(seen))
	for m := range seen {
		all = append(all, m)
	}
	sort.Strings(all)
	out := map[string]bool{}
	for _, m := range all[max(0, len(all)-n):] {
		out[m] = true
	}
	return out, len(all), nil
}

var (
	devSummary = regexp.MustCompile(`(?m)^quotes: recall (\S+) \((\S+)\) precision (\S+) speaker (\S+) role (\S+)`)
	pairGroup  = regexp.MustCompile(`(?m)^\s+articles (\S+): recall (\S+) \((\S+)\) precision (\S+) \((\S+)\) unpaired-correct (\S+) \((\S+)\)`)
	pairAll    = regexp.MustCompile(`(?m)^pairs: recall (\S+) \((\S+)\) precision (\S+) \((\S+)\)`)
	polSummary = regexp.MustCompile(`(?m)^polnear \S+: recall (\S+) \((\S+)\) speaker (\S+) \((\S+)\)`)
	polKind    = regexp.MustCompile(`(?m)^\s{4}(name|pronoun|nominal)\s+\S+ \((\d+)/(\d+)\)\s+misses: engine empty (\d+), other name (\d+)`)
	polMissing = regexp.MustCompile(`(?m)^gold quotes not found: (\d+)`)
	devRole    = regexp.MustCompile(`(?m)^\s+role\s+\S+: .* gold=(\S+) got=(\S*)$`)
	devSpeaker = regexp.MustCompile(`(?m)^\s+speaker \S+: .* got=(.*)$`)
)

type kindScore struct{ right, judged, empty, wrong int }

func (k kindScore) plus(o kindScore) kindScore {
	return kindScore{k.right + o.right, k.judged + o.judged, k.empty + o.empty, k.wrong + o.wrong}
}

func (k kindScore) String() string {
	if k.judged == 0 {
		return "-"
	}
	return fmt.Sprintf("%.3f (%d/%d)", float64(k.right)/float64(k.judged), k.right, k.judged)
}

func polKinds(out string) map[string]kindScore {
	m := map[string]kindScore{}
	for _, g := range polKind.FindAllStringSubmatch(out, -1) {
		m[g[1]] = kindScore{atoi(g[2]), atoi(g[3]), atoi(g[4]), atoi(g[5])}
	}
	return m
}

func polMisses(out string) string {
	var b strings.Builder
	if m := polMissing.FindStringSubmatch(out); m != nil {
		fmt.Fprintf(&b, "missed quote %s", m[1])
	}
	kinds := polKinds(out)
	for _, k := range []string{"name", "pronoun", "nominal"} {
		s := kinds[k]
		fmt.Fprintf(&b, "; %s source: wrong speaker %d, empty speaker %d", k, s.wrong, s.empty)
	}
	return b.String()
}

func devMisses(out string) string {
	empty, wrong := 0, 0
	for _, m := range devSpeaker.FindAllStringSubmatch(out, -1) {
		if m[1] == "''" || m[1] == `""` {
			empty++
		} else {
			wrong++
		}
	}
	roles := map[string]int{}
	for _, m := range devRole.FindAllStringSubmatch(out, -1) {
		roles[m[1]+"→"+m[2]]++
	}
	keys := make([]string, 0, len(roles))
	for k := range roles {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return roles[keys[i]] > roles[keys[j]] || roles[keys[i]] == roles[keys[j]] && keys[i] < keys[j]
	})
	var rs []string
	for _, k := range keys {
		rs = append(rs, fmt.Sprintf("%s %d", k, roles[k]))
	}
	return fmt.Sprintf("missed quote %d, extra %d, wrong speaker %d, empty speaker %d; wrong role (gold→pred): %s",
		count(out, "  miss "), count(out, "  extra "), wrong, empty, strings.Join(rs, ", "))
}

// count is how many lines of out start with prefix.
func count(out, prefix string) int {
	n := 0
	sc := bufio.NewScanner(bytes.NewReader([]byte(out)))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), prefix) {
			n++
		}
	}
	return n
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
