package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"

	_ "modernc.org/sqlite" // pure Go: no C compiler needed to build counterpoint
)

// Library is an open database. It is safe for concurrent use.
type Library struct {
	db       *sql.DB
	path     string
	readOnly bool
}

// Options control opening.
type Options struct {
	// ReadOnly serves the library without changing it, as the SSH server
	// does: feeds and articles cannot be added, removed or fetched. Users
	// with a key fingerprint still keep their own read and starred marks;
	// anonymous users keep none.
	ReadOnly bool
}

// ErrReadOnly is returned by changes to a library opened read-only.
var ErrReadOnly = errors.New("the library is open read-only")

// Open opens the library at path, creating it (and its folder, mode 0700)
// unless opts.ReadOnly, and brings its schema up to date.
func Open(path string, opts Options) (*Library, error) {
	if opts.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("no library at %s: %w", path, err)
		}
	} else if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	// mmap lets SQLite read pages without a system call each: opening a
	// library of 10k articles took twice as long through pread.
	for _, p := range []string{"busy_timeout(10000)", "foreign_keys(1)", "synchronous(NORMAL)", "mmap_size(1073741824)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	dsn := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: q.Encode()}).String()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	l := &Library{db: db, path: abs, readOnly: opts.ReadOnly}
	if !opts.ReadOnly {
		// Both are kept in the file. The page size counts only before the
		// first table exists: 16 KiB pages hold most analysis snapshots
		// whole, where 4 KiB ones chain two or three overflow pages.
		for _, p := range []string{"PRAGMA page_size = 16384", "PRAGMA journal_mode = WAL"} {
			if _, err := db.Exec(p); err != nil {
				db.Close()
				return nil, fmt.Errorf("%s: %w", path, err)
			}
		}
	}
	if err := l.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !opts.ReadOnly {
		os.Chmod(abs, 0o600) // reading habits are nobody else's business
	}
	return l, nil
}

// OpenDefault opens the library at DefaultPath.
func OpenDefault(opts Options) (*Library, error) {
	path, err := DefaultPath()
	if err != nil {
		return nil, err
	}
	return Open(path, opts)
}

// Close closes the database.
func (l *Library) Close() error { return l.db.Close() }

// Path is the database file.
func (l *Library) Path() string { return l.path }

// ReadOnly reports whether the library was opened read-only.
func (l *Library) ReadOnly() bool { return l.readOnly }

// migrations are applied in order, each once; the database's user_version
// is the number applied. Never edit one that has shipped: add another.
var migrations = []string{
	// 1: feeds, articles, analyses cached by content hash, per-user state.
	`CREATE TABLE feeds (
		id            INTEGER PRIMARY KEY,
		url           TEXT NOT NULL UNIQUE,
		title         TEXT NOT NULL DEFAULT '',
		site_url      TEXT NOT NULL DEFAULT '',
		etag          TEXT NOT NULL DEFAULT '',
		last_modified TEXT NOT NULL DEFAULT '',
		added         INTEGER NOT NULL,
		checked       INTEGER NOT NULL DEFAULT 0,
		last_error    TEXT NOT NULL DEFAULT '',
		listed        INTEGER NOT NULL DEFAULT 0 -- from the feed list in the config dir
	);
	CREATE TABLE articles (
		id        INTEGER PRIMARY KEY,
		slug      TEXT NOT NULL UNIQUE,
		item      TEXT NOT NULL UNIQUE,
		feed      INTEGER REFERENCES feeds(id) ON DELETE CASCADE,
		url       TEXT NOT NULL DEFAULT '',
		title     TEXT NOT NULL,
		dek       TEXT NOT NULL DEFAULT '',
		byline    TEXT NOT NULL DEFAULT '',
		outlet    TEXT NOT NULL DEFAULT '',
		published INTEGER NOT NULL DEFAULT 0,
		fetched   INTEGER NOT NULL,
		hash      BLOB NOT NULL
	);
	CREATE INDEX articles_feed ON articles(feed);
	-- The text as fetched, to analyse again when the engine changes. It
	-- has a table of its own: in the articles row, reading the columns
	-- after it would walk its overflow pages on every start.
	CREATE TABLE texts (
		article INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
		body    TEXT NOT NULL
	);
	CREATE TABLE analyses (
		hash     BLOB NOT NULL,
		engine   TEXT NOT NULL,
		snapshot BLOB NOT NULL,
		PRIMARY KEY (hash, engine)
	) WITHOUT ROWID;
	CREATE TABLE user_state (
		fingerprint TEXT NOT NULL,
		article     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
		read        INTEGER NOT NULL DEFAULT 0,
		starred     INTEGER NOT NULL DEFAULT 0,
		PRIMARY KEY (fingerprint, article)
	) WITHOUT ROWID;`,
}

// migrate applies the migrations the database lacks, each in its own
// transaction with its version, so a crash leaves a consistent version.
func (l *Library) migrate(ctx context.Context) error {
	var have int
	if err := l.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return err
	}
	switch {
	case have > len(migrations):
		return fmt.Errorf("the library was made by a newer counterpoint (schema %d, this one knows %d)", have, len(migrations))
	case have == len(migrations):
		return nil
	case l.readOnly:
		return fmt.Errorf("the library needs upgrading (schema %d to %d): run counterpoint fetch once", have, len(migrations))
	}
	for v := have; v < len(migrations); v++ {
		tx, err := l.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", v+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}
