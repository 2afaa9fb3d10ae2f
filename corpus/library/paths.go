package library

import (
	"errors"
	"os"
	"path/filepath"
)

// The library lives where the XDG Base Directory specification puts user
// data; the feed list, where it puts configuration. Relative values of the
// variables are ignored, as the specification says.

// DefaultPath is $XDG_DATA_HOME/counterpoint/library.db, by default
// ~/.local/share/counterpoint/library.db.
func DefaultPath() (string, error) {
	dir, err := xdgDir("XDG_DATA_HOME", ".local/share")
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "counterpoint", "library.db"), nil
}

// ListPath is $XDG_CONFIG_HOME/counterpoint/feeds, by default
// ~/.config/counterpoint/feeds: a plain list of feed addresses for people
// who keep their dotfiles.
func ListPath() (string, error) {
	dir, err := xdgDir("XDG_CONFIG_HOME", ".config")
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "counterpoint", "feeds"), nil
}

func xdgDir(env, fallback string) (string, error) {
	if d := os.Getenv(env); filepath.IsAbs(d) {
		return d, nil
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "", errors.New("cannot find the home folder: set HOME or " + env)
	}
	return filepath.Join(home, fallback), nil
}
