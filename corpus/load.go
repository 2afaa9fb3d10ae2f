package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"counterpoint/seeds"
)

// DefaultMaxFileSize is the largest article file read when no limit is given.
// Real news articles are a few kilobytes; 4 MiB leaves room for long reports
// while keeping a stray log file or dump from filling memory.
const DefaultMaxFileSize = 4 << 20

// Skipped names a file that was not loaded and why.
type Skipped struct {
	Path   string
	Reason string
}

func (s Skipped) String() string { return fmt.Sprintf("skipped %s: %s", s.Path, s.Reason) }

// Options control loading.
type Options struct {
	MaxFileSize int64 // bytes; 0 means DefaultMaxFileSize
	Workers     int   // 0 means four per core
	// NoSearchIndex skips building each article's search text, which only
	// the reader's search uses: the headless commands that print and drop
	// every article spare an eighth of the analysis.
	NoSearchIndex bool
	// NoDebate skips pairing accusations with responses, for `quotes
	// --json`, which prints the statements and not the pairs: a tenth of
	// the analysis. The statements, their speakers and roles are the same.
	NoDebate bool
}

// source is one file to read: either in the embedded seeds or on disk
// under a root the user named.
type source struct {
	display string   // the path as shown to the user
	root    *os.Root // nil for the embedded seeds or a file named directly
	name    string   // name inside root (or the seeds FS, or the OS path)
	id      string   // the article ID, from the name the user sees
	seed    bool
}

// LoadSeeds loads the embedded seed articles.
func LoadSeeds() *Corpus {
	c, _ := Load(nil, Options{})
	return c
}

// Load reads and analyses the articles at paths, or the embedded seeds when
// paths is empty. Folders are walked recursively for .txt and .md files, in
// sorted order; a file named directly is read whatever its extension. Files
// that cannot be used are reported in Corpus.Skipped and never stop the rest.
func Load(paths []string, opts Options) (*Corpus, error) {
	opts = opts.withDefaults()
	var (
		articles []*Article
		skipped  []Skipped
	)
	each, closeRoots := sourcesOf(paths)
	defer closeRoots()
	readEach(each, opts, func(a *Article, sk *Skipped) error {
		if sk != nil {
			skipped = append(skipped, *sk)
		} else {
			articles = append(articles, a)
		}
		return nil
	})
	c := NewCorpus(articles, skipped)
	if len(articles) == 0 {
		return c, errors.New("no articles could be loaded")
	}
	return c, nil
}

func (opts Options) withDefaults() Options {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.Workers <= 0 {
		// Four per core: a worker waiting on a read (the page cache is
		// often cold for a large corpus) leaves its core to one that
		// analyses. Measured on 100k articles: 16.7 s with one worker
		// per core, 8.6 s with four.
		opts.Workers = 4 * runtime.GOMAXPROCS(0)
	}
	return opts
}

func seedSources() []source {
	entries, _ := seeds.FS.ReadDir(".")
	var out []source
	for _, e := range entries {
		out = append(out, source{display: "seeds/" + e.Name(), name: e.Name(), id: IDFromPath(e.Name()), seed: true})
	}
	return out
}

// found is what a walk finds: a file to read, or a path skipped and why.
type found struct {
	src  source
	skip *Skipped
}

// walkPath hands yield the files under one path the user named, and the
// paths it skips, in sorted order, until yield returns false; it returns
// the folder's os.Root, which the caller closes once the files are read.
// Folders are opened as an os.Root, so a symlink inside them is followed
// only while it stays in the folder, and a loop of links is cut by
// remembering visited folders.
func walkPath(p string, yield func(found) bool) *os.Root {
	display := SanitizeLine(p)
	info, err := os.Stat(p)
	if err != nil {
		yield(found{skip: &Skipped{display, describe(err)}})
		return nil
	}
	if !info.IsDir() {
		yield(found{src: source{display: display, name: p, id: IDFromPath(p)}})
		return nil
	}
	root, err := os.OpenRoot(p)
	if err != nil {
		yield(found{skip: &Skipped{display, describe(err)}})
		return nil
	}
	visited := map[fileKey]bool{}
	stopped := false
	skip := func(path, reason string) {
		stopped = stopped || !yield(found{skip: &Skipped{path, reason}})
	}
	var walk func(dir string, depth int)
	walk = func(dir string, depth int) {
		if depth > maxFolderDepth {
			skip(SanitizeLine(filepath.Join(p, dir)), fmt.Sprintf("folders nested more than %d deep", maxFolderDepth))
			return
		}
		f, err := root.Open(dir)
		if err != nil {
			skip(SanitizeLine(filepath.Join(p, dir)), describe(err))
			return
		}
		defer f.Close()
		di, err := f.Stat()
		if err != nil {
			skip(SanitizeLine(filepath.Join(p, dir)), describe(err))
			return
		}
		// A set of (device, inode), not a list: a walk over n folders
		// stays linear in n.
		if key, ok := keyOf(di); ok {
			if visited[key] {
				return // a link back to a folder already walked
			}
			visited[key] = true
		}
		entries, err := readDirTypes(f, filepath.Join(p, dir))
		if err != nil {
			skip(SanitizeLine(filepath.Join(p, dir)), describe(err))
		}
		f.Close()
		slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
		for _, e := range entries {
			if stopped {
				return
			}
			n := e.Name()
			if strings.HasPrefix(n, ".") {
				continue // hidden files and folders, such as .git
			}
			name := path.Join(dir, n)
			typ := e.Type()
			if typ&fs.ModeSymlink != 0 {
				// Only a link needs a lookup: it is followed, but only
				// inside the root.
				fi, err := root.Stat(name)
				if err != nil {
					// os.Root refuses absolute link targets; one that
					// still lands inside the folder is followed by its
					// inside name.
					if inside, ok := insideName(p, name); ok {
						name = inside
						fi, err = root.Stat(name)
					}
				}
				if err != nil {
					skip(SanitizeLine(filepath.Join(p, name)), "link leads outside "+display+" or nowhere")
					continue
				}
				typ = fi.Mode().Type()
			}
			switch {
			case typ.IsDir():
				walk(name, depth+1)
			case !IsArticleName(n):
			case !typ.IsRegular():
				skip(SanitizeLine(filepath.Join(p, name)), "not a regular file")
			default:
				stopped = !yield(found{src: source{display: SanitizeLine(filepath.Join(p, name)), root: root, name: name, id: IDFromPath(n)}})
			}
		}
	}
	walk(".", 0)
	return root
}

// readDirTypes lists a folder opened in a root, with each entry's type as
// the listing gives it. (*os.File).ReadDir of a file opened in a root
// looks every entry up with lstat, a system call per file (0.5 s of CPU
// for 100k files), which the walk needs only for links: a copy of the
// descriptor, outside the root, reads the types from the listing. Nothing
// is opened through it, and on the rare file system whose listing gives no
// types ReadDir looks each one up relative to the folder's descriptor, as
// before; path is only the folder's name.
func readDirTypes(f *os.File, path string) ([]fs.DirEntry, error) {
	conn, err := f.SyscallConn()
	if err != nil {
		return f.ReadDir(-1)
	}
	fd := -1
	var dupErr error
	ctrl := conn.Control(func(orig uintptr) {
		syscall.ForkLock.RLock()
		defer syscall.ForkLock.RUnlock()
		if fd, dupErr = syscall.Dup(int(orig)); dupErr == nil {
			syscall.CloseOnExec(fd)
		}
	})
	if ctrl != nil || dupErr != nil {
		return f.ReadDir(-1)
	}
	d := os.NewFile(uintptr(fd), path)
	defer d.Close()
	return d.ReadDir(-1)
}

// insideName resolves the link at name under dir and returns its target as
// a path inside dir, if it is one.
// maxFolderDepth bounds how deep the walk goes: news is never filed
// hundreds of folders deep, and each level costs a lookup per file.
const maxFolderDepth = 64

// fileKey identifies a folder whatever the path that reached it.
type fileKey struct{ dev, ino uint64 }

func keyOf(fi os.FileInfo) (fileKey, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileKey{}, false
	}
	return fileKey{uint64(st.Dev), st.Ino}, true
}

func insideName(dir, name string) (string, bool) {
	base, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", false
	}
	target, err := filepath.EvalSymlinks(filepath.Join(dir, name))
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(base, target)
	if err != nil || rel == ".." || strings.HasPrefix(rel, "../") || filepath.IsAbs(rel) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// IsArticleName reports whether the loader reads a file of this name
// found in a folder: .txt and .md, in any case.
func IsArticleName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".txt" || ext == ".md"
}

// readEach reads, parses and analyses every source that each finds on
// opts.Workers goroutines and hands each result to emit in the order each
// found it: the article, or why its file was skipped. each runs alongside
// the workers, which start on the first file it finds instead of waiting
// for the whole walk. At most orderWindow articles per worker, and
// maxPendingText of their text, wait at once, whatever the number of
// sources; an error from emit stops the run and is returned. each has
// ended when readEach returns.
func readEach(each func(yield func(found) bool), opts Options, emit func(*Article, *Skipped) error) error {
	type result struct {
		a       *Article
		display string
		reason  string
		size    int64 // the article's text, counted in pending
	}
	type job struct {
		src source
		out chan result
	}
	workers := opts.Workers
	budget := newByteBudget(analysisBudget)
	jobs := make(chan job)
	// order holds the pending results in input order; its capacity, and
	// pending, bound how many analysed articles wait for an earlier,
	// slower one. With two a worker, one article that took long (or a
	// worker the system put aside on a busy machine) stopped every other
	// worker within a few articles: on 10k articles, a quarter of the time
	// only one goroutine had work.
	order := make(chan chan result, orderWindow*workers)
	var pending pendingText
	pending.cond.L = &pending.mu
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				a, reason := readOne(j.src, opts, budget)
				size := a.textSize()
				pending.add(size)
				j.out <- result{a, j.src.display, reason, size}
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		each(func(f found) bool {
			out := make(chan result, 1)
			select {
			case order <- out:
			case <-done:
				return false
			}
			if f.skip != nil {
				out <- result{display: f.skip.Path, reason: f.skip.Reason}
				return true
			}
			if !pending.waitBelow(maxPendingText) {
				return false
			}
			select {
			case jobs <- job{f.src, out}:
			case <-done:
				return false
			}
			return true
		})
	}()
	var err error
	seen := map[string]int{}
	for out := range order {
		if err != nil {
			continue // stopping: a job may never have started
		}
		r := <-out
		pending.add(-r.size)
		if r.a == nil {
			err = emit(nil, &Skipped{r.display, r.reason})
		} else {
			// Two files with one name in different folders keep distinct IDs.
			if n := seen[r.a.ID]; n > 0 {
				seen[r.a.ID] = n + 1
				r.a.ID += "-" + strconv.Itoa(n+1)
			} else {
				seen[r.a.ID] = 1
			}
			err = emit(r.a, nil)
		}
		if err != nil {
			close(done)
			pending.halt()
		}
	}
	wg.Wait()
	return err
}

// orderWindow is how many results a worker may have waiting, in order,
// behind the one the writer waits for; maxPendingText bounds the text of
// the articles waiting, so that a window of articles of a hostile shape,
// which hold many times their text once analysed, stays small.
const (
	orderWindow    = 16
	maxPendingText = 4 << 20
)

// pendingText counts the bytes of text of the analysed articles waiting to
// be handed over in order. No new file is handed out while it is above
// its bound; the article everyone waits for is already being read, so the
// count always comes down.
type pendingText struct {
	mu      sync.Mutex
	cond    sync.Cond
	bytes   int64
	stopped bool
}

func (p *pendingText) add(n int64) {
	p.mu.Lock()
	p.bytes += n
	p.mu.Unlock()
	if n < 0 {
		p.cond.Broadcast()
	}
}

// waitBelow waits until at most limit bytes are pending; false when the
// run stopped first.
func (p *pendingText) waitBelow(limit int64) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.bytes > limit && !p.stopped {
		p.cond.Wait()
	}
	return !p.stopped
}

// halt wakes a waiting waitBelow for good.
func (p *pendingText) halt() {
	p.mu.Lock()
	p.stopped = true
	p.mu.Unlock()
	p.cond.Broadcast()
}

// textSize is the bytes of text an article holds, 0 for none.
func (a *Article) textSize() int64 {
	if a == nil {
		return 0
	}
	n := len(a.Title) + len(a.Dek)
	for _, p := range a.Paragraphs {
		n += len(p)
	}
	return int64(n)
}

// Each reads and analyses the articles at paths as Load does, but hands
// each one to fn in Load's order and keeps none, so that a command that
// prints every article holds only the few being analysed or waiting their
// turn. skip is told of each file that could not be used, in the order of
// the walk. Each returns how many articles fn saw, and fn's first error.
//
// The folders are walked while the first files are read: on 100k files the
// walk alone took a few hundred milliseconds, with the workers idle.
func Each(paths []string, opts Options, skip func(Skipped), fn func(*Article) error) (int, error) {
	opts = opts.withDefaults()
	each, closeRoots := sourcesOf(paths)
	defer closeRoots()
	n := 0
	err := readEach(each, opts, func(a *Article, sk *Skipped) error {
		if sk != nil {
			skip(*sk)
			return nil
		}
		n++
		return fn(a)
	})
	return n, err
}

// sourcesOf walks the paths the user named (the embedded seeds when there
// are none) for the files to read, as readEach asks for them; closeRoots
// closes the folders opened on the way, once the files are read.
func sourcesOf(paths []string) (each func(yield func(found) bool), closeRoots func()) {
	var roots []*os.Root
	each = func(yield func(found) bool) {
		if len(paths) == 0 {
			for _, s := range seedSources() {
				if !yield(found{src: s}) {
					return
				}
			}
		}
		stopped := false
		for _, p := range paths {
			root := walkPath(p, func(f found) bool {
				stopped = !yield(f)
				return !stopped
			})
			if root != nil {
				roots = append(roots, root)
			}
			if stopped {
				return
			}
		}
	}
	closeRoots = func() {
		for _, r := range roots {
			r.Close()
		}
	}
	return each, closeRoots
}

// readOne returns the analysed article, or nil and the reason it was skipped.
// It never panics on a bad file: a panic in the analysis of one article is
// turned into a skip, so one bad input never stops the rest.
func readOne(s source, opts Options, budget *byteBudget) (a *Article, reason string) {
	defer func() {
		if r := recover(); r != nil {
			a, reason = nil, fmt.Sprintf("internal error while analysing: %v", r)
		}
	}()
	raw, err := readLimited(s, opts.MaxFileSize)
	if err != nil {
		return nil, describe(err)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, "empty file"
	}
	if looksBinary(raw) {
		return nil, "binary file, not text"
	}
	text, err := decodeText(raw)
	if err != nil {
		return nil, err.Error()
	}
	defer budget.release(budget.acquire(int64(len(text))))
	a = Parse(s.id, s.display, text)
	if a.Title == "" {
		return nil, "no text left after removing control characters"
	}
	analyse(a, !opts.NoSearchIndex, !opts.NoDebate)
	return a, ""
}

// analysisBudget is how many bytes of text are analysed at once, over all
// workers. Analysis holds a few hundred times its text in memory at its
// peak (tokens, sentences, candidate names), which is nothing for an
// article of a few kilobytes but near 1 GB for a 1 MiB file of a hostile
// shape: with the budget, files of a megabyte or more are analysed one at
// a time, while two hundred ordinary articles fit in it at once, far more
// than there are workers, so they never wait.
const analysisBudget = 1 << 20

// byteBudget is a counting semaphore over bytes.
type byteBudget struct {
	mu   sync.Mutex
	cond sync.Cond
	free int64
	max  int64
}

func newByteBudget(n int64) *byteBudget {
	b := &byteBudget{free: n, max: n}
	b.cond.L = &b.mu
	return b
}

// acquire waits until n bytes (at most the whole budget, so that a file
// larger than it still gets its turn) are free and takes them; it returns
// what it took, for release.
func (b *byteBudget) acquire(n int64) int64 {
	n = min(n, b.max)
	b.mu.Lock()
	for b.free < n {
		b.cond.Wait()
	}
	b.free -= n
	b.mu.Unlock()
	return n
}

func (b *byteBudget) release(n int64) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.cond.Broadcast()
}

var errTooLarge = errors.New("too large")

// readLimited opens a file without blocking (a FIFO would otherwise hang the
// open), checks that what was opened is a regular file and within the limit,
// and reads at most limit bytes.
func readLimited(s source, limit int64) ([]byte, error) {
	if s.seed {
		return seeds.FS.ReadFile(s.name)
	}
	var (
		f   *os.File
		err error
	)
	if s.root != nil {
		f, err = s.root.OpenFile(s.name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	} else {
		f, err = os.OpenFile(s.name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("%w: %s, the limit is %s", errTooLarge, HumanBytes(info.Size()), HumanBytes(limit))
	}
	// Read into a buffer of the stated size, plus one byte to notice a file
	// that grew; io.ReadAll would grow its buffer several times over.
	raw := make([]byte, info.Size()+1)
	n, err := readFull(f, raw)
	switch {
	case err == nil:
		return nil, fmt.Errorf("%w: grew past %s while being read", errTooLarge, HumanBytes(info.Size()))
	case errors.Is(err, io.EOF):
		return raw[:n], nil
	}
	return nil, err
}

// readFull is io.ReadFull into buf, which is one byte longer than the file
// was stated to be, that stops at the stated size: every read asks for one
// byte more than is left to it, so a read that ends there found the file
// ending there (for a file on disk, which returns what was asked while it
// lasts), and the read that would say so, a system call per file, is
// spared. It returns io.EOF at the end, and nil only when buf was filled:
// the file grew.
func readFull(f io.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		m, err := f.Read(buf[n:])
		n += m
		switch {
		case n == len(buf)-1 && m > 0, errors.Is(err, io.EOF):
			return n, io.EOF
		case err != nil:
			return n, err
		}
	}
	return n, nil
}

// looksBinary spots files that are not text: a NUL byte in the first 8 KB
// (outside UTF-16, whose BOM we honour) is the test git and grep use.
func looksBinary(raw []byte) bool {
	if bytes.HasPrefix(raw, []byte{0xFF, 0xFE}) || bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
		return false
	}
	return bytes.IndexByte(raw[:min(len(raw), 8192)], 0) >= 0
}

// describe turns an OS error into a short reason without repeating the path,
// which the message already names.
func describe(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or folder"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}

// HumanBytes writes a size the way a message to a person should: "4.0 MiB".
func HumanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}
