/// What agents type in the search box at the desk, for the `search` bench: métiers, certifications and structures,
/// with and without accents, in lower and mixed case, one or several words, as people really spell them.
/// Each one is typed letter by letter, so every prefix (« b », « bo », « bou »…) is a measured keystroke.
enum SearchQueries {
  static let all: [String] =
    occupations + occupationsWithoutAccents + certifications + structures + mixed

  static let occupations = [
    "boulanger", "boulangère", "pâtissier", "cuisinier", "serveur", "barman", "plombier",
    "électricien", "menuisier", "charpentier", "maçon", "peintre en bâtiment", "carreleur",
    "couvreur", "chauffagiste", "soudeur", "mécanicien automobile", "carrossier",
    "chauffeur poids lourd", "conducteur de bus", "ambulancier", "infirmier", "infirmière",
    "aide-soignant", "aide-soignante", "auxiliaire de vie", "aide à domicile",
    "auxiliaire de puériculture", "éducateur spécialisé", "éducatrice de jeunes enfants",
    "moniteur éducateur", "animateur", "assistante maternelle", "sage-femme", "kinésithérapeute",
    "ostéopathe", "pharmacien", "préparateur en pharmacie", "médecin", "dentiste",
    "vétérinaire", "psychologue", "orthophoniste", "ergothérapeute", "diététicien",
    "opticien", "coiffeur", "esthéticienne", "fleuriste", "boucher", "charcutier",
    "poissonnier", "caissier", "vendeur", "vendeuse en boulangerie", "commercial",
    "agent immobilier", "comptable", "secrétaire", "assistant de direction",
    "agent d'accueil", "standardiste", "développeur web", "développeur informatique",
    "technicien informatique", "administrateur réseau", "data scientist", "graphiste",
    "webdesigner", "photographe", "journaliste", "traducteur", "interprète", "professeur",
    "professeur des écoles", "enseignant", "formateur", "conseiller en insertion",
    "conseiller d'orientation", "assistant social", "juriste", "avocat", "notaire",
    "agent de sécurité", "gardien de la paix", "pompier", "militaire", "gendarme",
    "jardinier", "paysagiste", "agriculteur", "viticulteur", "œnologue", "éleveur",
    "bûcheron", "maraîcher", "ouvrier agricole", "cariste", "magasinier",
    "préparateur de commandes", "logisticien", "agent d'entretien", "femme de chambre",
    "réceptionniste", "guide touristique", "architecte", "géomètre", "ingénieur",
    "dessinateur industriel", "technicien de maintenance", "électrotechnicien", "tourneur",
    "fraiseur", "chaudronnier", "régleur", "opérateur de production", "conducteur de ligne",
    "laborantin", "chimiste", "biologiste", "manipulateur radio", "agent funéraire",
    "thanatopracteur", "bibliothécaire", "archiviste", "musicien", "comédien", "danseur",
    "costumier", "éclairagiste", "ébéniste", "tapissier", "cordonnier", "bijoutier",
    "horloger", "couturière", "styliste", "facteur", "livreur", "coursier", "taxi",
    "pilote", "steward", "hôtesse de l'air", "marin", "docker",
  ]

  static let occupationsWithoutAccents = [
    "educ spe", "boulangere", "patissiere", "electricien batiment", "mecanicien",
    "pepinieriste", "oenologue", "secretaire medicale", "assistante maternelle agreee",
    "aide soignant", "puericultrice", "eleveur bovin", "charge de clientele",
    "agent de proprete", "employe libre service", "chef de rayon", "hote de caisse",
    "conseiller clientele banque", "gestionnaire de paie", "responsable rh",
    "chef de chantier", "conducteur de travaux", "technicien qualite", "controleur de gestion",
    "employe polyvalent restauration", "plongeur", "commis de cuisine", "traiteur",
    "menage", "garde d'enfants",
  ]

  static let certifications = [
    "cap", "cap cuisine", "cap petite enfance", "cap aepe", "bac pro", "bac pro commerce",
    "bts", "bts sio", "bts mco", "bts ndrc", "dut", "but informatique", "licence pro",
    "master", "titre professionnel", "tp secretaire comptable", "deaes", "diplome d'etat",
    "diplôme d'État infirmier", "deeje", "bafa", "bpjeps", "dejeps", "caces", "permis c",
    "brevet professionnel", "mention complémentaire", "cqp", "titre ingénieur",
    "certificat de spécialisation", "BTS Management", "Master droit", "licence sciences",
    "RNCP34825", "niveau 5", "diplome universitaire de technologie", "bac pro mrc",
    "cap boulanger", "bp coiffure", "cap esthetique",
    // As people ask for a diploma (issue 15): type and subject, acronyms, feminine and plural forms.
    "bac pro cuisine", "bts comptabilité", "titre pro soudeur", "tp cuisinier", "bp couvreur",
    "licence pro agronomie", "dut gea", "de ambulancier", "deas", "desjeps", "cpjeps", "deavs",
    "aide soignante", "aides soignantes", "cuisinière", "magasinière", "couvreuse",
    "conductrice routière", "électricienne", "soudeuse", "boulangère", "educatrice specialisee",
  ]

  static let structures = [
    "mission locale", "mission locale lyon", "cio", "cio villeurbanne", "pij", "bij",
    "point information jeunesse", "greta", "suio", "cidff", "crib", "centre d'information",
    "mission locale grenoble", "cio saint-etienne", "annecy", "chambéry", "valence",
    "bourg-en-bresse", "vienne", "roanne",
  ]

  static let mixed = [
    "Aide-Soignant", "agent d'accueil touristique", "Infirmier de bloc", "chauffeur VL",
    "développeur", "dev", "ass mat", "AES", "petite enfance", "transport", "logistique",
    "numérique", "santé", "bâtiment", "restauration", "hôtellerie", "social", "commerce",
    "industrie", "agriculture",
  ]
}
