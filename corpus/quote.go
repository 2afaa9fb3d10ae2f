package corpus

// Kind says what sort of statement a Quote is.
type Kind string

const (
	Direct     Kind = "direct"     // words in quotation marks, said by someone
	Transcript Kind = "transcript" // one turn of an interview transcript
	Scare      Kind = "scare"      // one to three words in quotation marks with no speech act
)

// Role says which side of the debate a statement is on.
type Role string

const (
	Accusation Role = "accusation" // accuses, condemns or warns another party of wrongdoing
	Response   Role = "response"   // the accused party denies, rebuts or counter-accuses
	Other      Role = "other"      // anything else
)

// Quote is one statement in an article.
type Quote struct {
	Paragraph  int    // index into Article.Paragraphs
	Start, End int    // byte span of Text within that paragraph
	Text       string // the words without the quote marks, exactly as in the article
	Kind       Kind
	Speaker    string // canonical name ("Jens Stoltenberg", "NATO", "Chinese officials"), or ""
	RoleTitle  string // title or apposition ("NATO Secretary-General")
	Party      string // side the speaker is on ("NATO", "China"), or ""
	Role       Role

	// cue is the attribution text around the quote (outside the marks),
	// used to classify the statement's role.
	cue string
	// continued marks a paragraph that carries on a quote opened in an
	// earlier paragraph; openEnded, a quote that is still open at the
	// paragraph's end.
	continued, openEnded bool
	// open and close bound the quotation with its marks, for masking it
	// when the words around it are read.
	open, close int
	// place is the party of a place the sentence opens with ("In Minsk,
	// …"), for officials whose title names no country.
	place string
	// question marks an interviewer's turn in a transcript.
	question bool
	// lower is the statement and its cue in lower case, and accuses and
	// denies what its words say; all three are set once, for the role
	// rules, and lower is dropped after the analysis.
	lower           string
	textLen         int // bytes of lower that are the statement's own words
	accuses, denies bool
}

// Speaker is a person, organisation, group or document quoted in an article.
type Speaker struct {
	Name      string
	RoleTitle string
	Party     string
	Quotes    int
}
