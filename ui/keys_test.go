package ui

import (
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// Three branches added keys at once: no key may be bound twice (one of
// the two would never be reached), and help must name every binding.
func TestNoKeyIsBoundTwiceAndHelpNamesEveryBinding(t *testing.T) {
	k := DefaultKeyMap()
	owner := map[string]string{}
	v := reflect.ValueOf(k)
	var all []string
	for i := range v.NumField() {
		name := v.Type().Field(i).Name
		b := v.Field(i).Interface().(key.Binding)
		all = append(all, name)
		for _, s := range b.Keys() {
			if prev, ok := owner[s]; ok {
				t.Errorf("%q is bound to both %s and %s", s, prev, name)
			}
			owner[s] = name
		}
	}

	// A local session with a library has every key; the help pages name
	// each key that is not folded into another's help ("n/N").
	m := sized(120, 40, localOptions())
	m.c.keys.ToggleRead.SetEnabled(true) // as with a library (none here)
	for _, b := range []*key.Binding{&m.c.keys.Star, &m.c.keys.UnreadOnly, &m.c.keys.SortOrder, &m.c.keys.NextFeed, &m.c.keys.Refresh} {
		b.SetEnabled(true)
	}
	help := ansi.Strip(strings.Join(m.helpLines(), "\n"))
	labelled := map[string]bool{} // keys named by a shown label, such as n and N by "n/N"
	for _, group := range m.fullHelp() {
		for _, b := range group {
			if b.Enabled() && strings.Contains(help, b.Help().Desc) {
				labelled[b.Help().Key] = true // "/" itself
				for _, s := range strings.Split(b.Help().Key, "/") {
					labelled[s] = true
				}
			}
		}
	}
	for _, name := range all {
		b := reflect.ValueOf(m.c.keys).FieldByName(name).Interface().(key.Binding)
		named := false
		for _, s := range b.Keys() {
			named = named || labelled[s]
		}
		if !named {
			t.Errorf("help never names %s (%v)", name, b.Keys())
		}
	}
}
