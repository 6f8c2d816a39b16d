import GuichetCore

/// Titles, key bars, help and drawing of the administration screens, for the app chrome.
extension App {
  static func renderAdmin(
    _ admin: AdminScreen, in body: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    switch admin {
    case .structures(let state):
      AdminStructuresScreen.render(state, in: body, on: &canvas, context: context)
    case .advisors(let state):
      AdminAdvisorsScreen.render(state, in: body, on: &canvas, context: context)
    case .availability(let state):
      AdminAvailabilityScreen.render(state, in: body, on: &canvas, context: context)
    case .routing(let state):
      AdminRoutingScreen.render(state, in: body, on: &canvas, context: context)
    case .form(let state): AdminFormScreen.render(state, in: body, on: &canvas, context: context)
    }
  }

  static func adminTitle(_ admin: AdminScreen) -> String {
    switch admin {
    case .structures: "Admin · structures"
    case .advisors: "Admin · conseillers"
    case .availability: "Admin · plages et absences"
    case .routing: "Admin · aiguillage"
    case .form(let state): "Admin · " + AdminFormScreen.title(state).lowercased()
    }
  }

  static func adminHints(_ admin: AdminScreen) -> [HintLine] {
    if case .structures(let state) = admin, state.territoryPicker != nil {
      return [
        HintLine(key: "Lettres", text: "Filtrer"), HintLine(key: "Entrée", text: "Choisir"),
        HintLine(key: "Échap", text: "Garder le filtre"),
      ]
    }
    if isConfirming(admin) {
      return [HintLine(key: "O", text: "Confirmer"), HintLine(key: "Autre", text: "Annuler")]
    }
    switch admin {
    case .structures: return AdminStructuresScreen.bindings.map(\.hintLine)
    case .advisors: return AdminAdvisorsScreen.bindings.map(\.hintLine)
    case .availability: return AdminAvailabilityScreen.bindings.map(\.hintLine)
    case .routing: return AdminRoutingScreen.bindings.map(\.hintLine)
    case .form: return AdminFormScreen.hints
    }
  }

  static func adminHelp(_ admin: AdminScreen, title: String) -> HelpScreen.State {
    let purpose: String
    switch admin {
    case .structures:
      purpose =
        "Structures du second niveau (Mission locale, France Travail, Cap emploi, APEC, Transitions Pro, CIO…), filtrées par type (T) et par territoire (Z). Une structure désactivée ne reçoit plus de rendez-vous ; ses rendez-vous passés restent. Les mêmes fonctions que guichet operators."
    case .advisors:
      purpose =
        "Conseillers de la structure. Retirer un conseiller est refusé tant qu'il a des rendez-vous à venir ; une réservation en cours ailleurs reçoit alors un message clair et rien n'est écrit."
    case .availability:
      purpose =
        "Plages d'ouverture (jours, heures, durée d'un rendez-vous, lieu, places d'une séance collective) et absences du conseiller. Les créneaux libres en sont calculés, jours fériés déduits."
    case .routing:
      purpose =
        "Règles d'aiguillage : public × âge × demande × territoire → type d'opérateur recommandé, avec la raison lue par l'agent. La première règle qui s'applique à un type d'opérateur donne son rang."
    case .form:
      purpose =
        "Remplissez les champs (Tab pour passer au suivant, ← → pour les choix), puis F2. Une erreur est expliquée et rien n'est écrit ; Échap abandonne."
    }
    return HelpScreen.State(screenTitle: title, purpose: purpose, lines: adminHints(admin))
  }
}
