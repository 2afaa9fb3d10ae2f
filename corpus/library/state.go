package library

import (
	"context"
	"errors"
	"fmt"
)

// State is one user's marks on one article.
type State struct {
	Read    bool
	Starred bool
}

// User is one reader's marks. The local user has the empty fingerprint;
// over SSH each key is a user of its own, named by its fingerprint.
type User struct {
	l           *Library
	fingerprint string
}

// User returns the marks of the reader with this key fingerprint ("" for
// the local user). In a library opened read-only the empty fingerprint is
// an anonymous SSH user, who keeps no marks: reads give none and changes
// are dropped.
func (l *Library) User(fingerprint string) *User { return &User{l: l, fingerprint: fingerprint} }

// Keeps reports whether this user's marks are stored.
func (u *User) Keeps() bool { return !(u.l.readOnly && u.fingerprint == "") }

// States gives the user's marks by article ID; articles without any are
// absent (unread, not starred).
func (u *User) States(ctx context.Context) (map[string]State, error) {
	out := map[string]State{}
	if !u.Keeps() {
		return out, nil
	}
	rows, err := u.l.db.QueryContext(ctx, `SELECT a.slug, s.read, s.starred FROM user_state s JOIN articles a ON a.id = s.article
		WHERE s.fingerprint = ?`, u.fingerprint)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var s State
		if err := rows.Scan(&id, &s.Read, &s.Starred); err != nil {
			return nil, err
		}
		out[id] = s
	}
	return out, rows.Err()
}

// ErrNoArticle is returned for marks on an article the library lacks.
var ErrNoArticle = errors.New("no such article in the library")

// SetRead marks an article read or unread.
func (u *User) SetRead(ctx context.Context, id string, read bool) error {
	return u.set(ctx, id, "read", read)
}

// SetStarred stars an article or takes its star away.
func (u *User) SetStarred(ctx context.Context, id string, starred bool) error {
	return u.set(ctx, id, "starred", starred)
}

func (u *User) set(ctx context.Context, id, column string, on bool) error {
	if !u.Keeps() {
		return nil
	}
	// column is one of two constants above, never user input.
	res, err := u.l.db.ExecContext(ctx, fmt.Sprintf(`INSERT INTO user_state (fingerprint, article, %[1]s)
		SELECT ?, id, ? FROM articles WHERE slug = ?
		ON CONFLICT (fingerprint, article) DO UPDATE SET %[1]s = excluded.%[1]s`, column), u.fingerprint, on, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("%s: %w", id, ErrNoArticle)
	}
	return nil
}
