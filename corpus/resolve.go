// Resolving a mention to the speaker it stands for: names, roles ("the
// spokesman"), documents and organisations, pronouns.

package corpus

import (
	"cmp"
	"strings"
)

// resolve turns a mention into a speaker, using what came before.
func (at *attributor) resolve(m mention, pi, offset int) *entity {
	switch m.kind {
	case mPerson:
		e := at.entity(m.name, mPerson)
		if pr := at.people.find(m.name); pr != nil {
			e.addTitle(pr.title)
			e.place = cmp.Or(e.place, pr.place)
		}
		e.addTitle(m.title)
		return e
	case mPronoun:
		if at.inSent != nil {
			return at.inSent
		}
		switch m.name {
		case "he", "she":
			// The speaker of the previous attributed quotation, unless
			// another person has since been the subject of a sentence;
			// never someone the pronoun's gender rules out.
			subj, subjAt := at.people.lastSubjectAt(pi, offset, m.name)
			last := at.last
			if last != nil && (last.kind != mPerson || !fits(m.name, last.name)) {
				last = nil
			}
			if last != nil && (subj == nil || !after(subjAt, at.lastAt) || subj.name == last.name) {
				return last
			}
			if r := at.reportedBy; r != nil && subj != nil && fits(m.name, r.name) && subjAt[0] == at.reportedAt[0] && !after(subjAt, at.reportedAt) && after(subjAt, at.reportedFrom) {
				// "Cruz won the crowd over, Lee said. “…,” he said.": the
				// subject named last spoke through Lee, who is "he".
				return r
			}
			if subj != nil {
				e := at.entity(subj.name, mPerson)
				e.addTitle(subj.title)
				return e
			}
			if named, _ := at.people.lastNamedAt(pi, offset); named != nil && fits(m.name, named.name) {
				e := at.entity(named.name, mPerson)
				e.addTitle(named.title)
				return e
			}
		case "they", "it", "we":
			if at.last != nil && at.last.kind != mPerson {
				return at.last
			}
			if m.name == "it" {
				// "it said": never a person; the organisation named.
				if org := at.people.orgMeant("", pi, offset); org != "" {
					return at.entity(org, mOrg)
				}
			}
		}
		return nil
	case mRole:
		return at.resolveRole(m)
	case mGroup:
		return at.entity(m.name, mGroup)
	case mOrg:
		if m.name != "" {
			return at.entity(m.name, mOrg)
		}
		if e := at.latest(func(e *entity) bool {
			return e.kind == mOrg && strings.Contains(strings.ToLower(e.name), m.head)
		}); e != nil {
			return e
		}
		// "the agency said in a statement": the body the article names.
		if org := at.people.orgMeant(m.head, pi, offset); org != "" {
			return at.entity(org, mOrg)
		}
		return at.latest(func(e *entity) bool { return e.kind == mOrg })
	case mDoc:
		if org := docOwner(m.name); org != "" {
			return at.entity(org, mOrg)
		}
		if e := at.possessiveOwner(m.name); e != nil {
			return e // "NATO’s 2022 Strategic Concept" speaks for NATO
		}
		if m.name == m.head || strings.ToLower(m.name) == m.head {
			if e := at.latest(func(e *entity) bool { return e.kind == mDoc && strings.Contains(strings.ToLower(e.name), m.head) }); e != nil {
				return e
			}
		}
		return at.entity(m.name, mDoc)
	}
	return nil
}

// resolveRole finds who "the spokesman" is: the speaker or named person
// last introduced with that role, else one of the same side, else the
// organisation the role phrase names.
func (at *attributor) resolveRole(m mention) *entity {
	if m.someone {
		// "an eyewitness told the paper": someone new, not whoever was
		// quoted before.
		e := at.entity(m.name, mRole)
		e.addTitle(m.title)
		return e
	}
	hasRole := func(titles ...string) bool {
		for _, t := range titles {
			if containsWord(strings.ToLower(t), m.head) {
				return true
			}
		}
		return false
	}
	if e := at.latest(func(e *entity) bool { return hasRole(e.titles...) }); e != nil {
		e.addTitle(m.title)
		return e
	}
	for k := len(at.people.people) - 1; k >= 0; k-- {
		if pr := at.people.people[k]; hasRole(pr.title) {
			e := at.entity(pr.name, mPerson)
			e.addTitle(pr.title)
			e.addTitle(m.title)
			return e
		}
	}
	// "a spokesperson for the airline" speaks for the airline named before.
	if org := at.people.orgInPhrase(m.name); org != "" {
		e := at.entity(org, mOrg)
		e.addTitle(m.title)
		return e
	}
	// "an Eir spokesperson" speaks for Eir, unless the last speaker is Eir's.
	org := orgPart(m.name, m.head)
	if org != "" && partyOf(org) == "" && at.namedTwice(org) {
		if at.last != nil && at.last.affiliation() == org {
			return at.last
		}
		e := at.entity(org, mOrg)
		e.addTitle(m.title) // so that "the spokesperson" finds it again
		return e
	}
	// "the Iranian diplomat": the last person quoted, if on that side. A
	// role tied to an organisation the article does not name ("a
	// spokesperson for the airline") is not someone else's.
	party := partyOf(m.title)
	if at.last != nil && at.last.kind == mPerson && !namesPlainOrg(m.name) && (party == "" || at.last.affiliation() == "" || at.last.affiliation() == party) {
		at.last.addTitle(m.title)
		return at.last
	}
	// Nobody to tie it to: the role itself speaks ("a senior US official").
	e := at.entity(m.name, mRole)
	e.addTitle(m.title)
	return e
}

// namesPlainOrg reports whether a phrase names an organisation by a plain
// noun ("the airline").
func namesPlainOrg(phrase string) bool {
	for _, w := range strings.Fields(strings.ToLower(phrase)) {
		if plainOrgNouns[strings.Trim(w, ",.;:")] {
			return true
		}
	}
	return false
}

// latest returns the most recently attributed entity that passes the
// first test, else the second, and so on. It reads back from the last
// quotation given a speaker: reading the quotations not yet attributed made
// a paragraph of thousands of "the spokesman said" its length squared.
func (at *attributor) latest(tests ...func(*entity) bool) *entity {
	for _, test := range tests {
		for k := min(at.top, len(at.speaker)-1); k >= 0; k-- {
			if e := at.speaker[k]; e != nil && test(e) {
				return e
			}
		}
	}
	return nil
}

// possessiveOwner resolves the owner a document's name opens with
// ("NATO’s 2022 Strategic Concept", "Lee’s complaint"): a person the
// article names, else the organisation, so that a body and its document
// are one speaker with one colour.
func (at *attributor) possessiveOwner(doc string) *entity {
	i := strings.Index(doc, "’s ")
	if j := strings.Index(doc, "'s "); i < 0 || j >= 0 && j < i {
		i = j
	}
	if i <= 0 {
		return nil
	}
	owner := doc[:i]
	if r := owner[0]; r < 'A' || r > 'Z' {
		return nil
	}
	if full := at.people.bySurname(owner); full != "" {
		return at.entity(full, mPerson)
	}
	if strings.Contains(owner, " ") && at.people.find(owner) != nil {
		return at.entity(owner, mPerson)
	}
	return at.entity(owner, mOrg)
}

// namedTwice reports whether the article names an organisation at least
// twice, so that "an Eir spokesperson" speaks for Eir, while an
// abbreviation used once ("the FM spox") is no organisation of its own.
func (at *attributor) namedTwice(org string) bool {
	n := 0
	for _, p := range at.a.Paragraphs {
		if n += strings.Count(p, org); n >= 2 {
			return true
		}
	}
	return strings.Contains(at.a.Title, org) && n >= 1
}
