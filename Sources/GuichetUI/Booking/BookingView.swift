import GuichetCore

/// Titles, key bars, help and drawing of the booking screens, for the app chrome.
extension App {
  static func renderBooking(
    _ screen: BookingScreen, in body: Rect, on canvas: inout Canvas, context: AppContext
  ) {
    switch screen {
    case .recommendation(let state):
      RecommendationScreen.render(state, in: body, on: &canvas, context: context)
    case .availability(let state):
      AvailabilityScreen.render(state, in: body, on: &canvas, context: context)
    case .consent(let state): ConsentScreen.render(state, in: body, on: &canvas, context: context)
    case .contact(let state): ContactScreen.render(state, in: body, on: &canvas, context: context)
    case .slip(let state): SlipScreen.render(state, in: body, on: &canvas, context: context)
    }
  }

  static func bookingTitle(_ screen: BookingScreen) -> String {
    switch screen {
    case .recommendation: "RDV · aiguillage"
    case .availability: "RDV · créneaux"
    case .consent: "RDV · consentement"
    case .contact: "RDV · coordonnées"
    case .slip: "RDV · coupon"
    }
  }

  static func bookingHints(_ screen: BookingScreen) -> [HintLine] {
    let global = [
      HintLine(key: "F1", text: "Aide"), HintLine(key: "Échap", text: "Retour"),
      HintLine(key: "F10", text: "Quitter"),
    ]
    switch screen {
    case .recommendation: return RecommendationScreen.bindings.map(\.hintLine) + global
    case .availability(let state): return AvailabilityScreen.hints(state) + global
    case .consent: return ConsentScreen.hints + global
    case .contact: return ContactScreen.bindings.map(\.hintLine) + global
    case .slip: return SlipScreen.bindings.map(\.hintLine) + global
    }
  }

  static func bookingHelp(_ screen: BookingScreen, title: String) -> HelpScreen.State {
    switch screen {
    case .recommendation:
      HelpScreen.State(
        screenTitle: title,
        purpose:
          "Opérateurs recommandés pour le profil codé de la visite, avec la raison. Un autre choix demande un motif (code).",
        lines: RecommendationScreen.bindings.map(\.hintLine))
    case .availability:
      HelpScreen.State(
        screenTitle: title,
        purpose:
          "Prochains créneaux libres des structures du territoire, avec le délai en jours depuis la visite.",
        lines: AvailabilityScreen.bindings.map(\.hintLine))
    case .consent:
      HelpScreen.State(
        screenTitle: title,
        purpose:
          "Lisez le texte à la personne. Tapez « oui » ou « non » puis Entrée : Entrée seule ne vaut pas accord.",
        lines: ConsentScreen.hints)
    case .contact:
      HelpScreen.State(
        screenTitle: title,
        purpose:
          "Prénom, nom, et un téléphone ou un courriel. Ces données restent hors de la visite et sont effacées après le délai annoncé.",
        lines: ContactScreen.bindings.map(\.hintLine))
    case .slip:
      HelpScreen.State(
        screenTitle: title,
        purpose: "Coupon à remettre à la personne : l'enregistrer (texte et .ics) ou l'imprimer.",
        lines: SlipScreen.bindings.map(\.hintLine))
    }
  }
}
