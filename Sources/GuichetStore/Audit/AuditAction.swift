/// What an audit entry records. Codes are stored; labels are French for `guichet audit`.
public enum AuditAction: String, CaseIterable, Sendable {
  case login
  /// The agent left the desk to the next one (F12 then « changer d'utilisateur »).
  case logout
  case loginFailed = "login_failed"
  case accountLocked = "account_locked"
  case accountCreated = "account_created"
  case accountDisabled = "account_disabled"
  case accountEnabled = "account_enabled"
  case passwordChanged = "password_changed"
  case contactRead = "contact_read"
  /// Appointments looked up by a phone or e-mail: the number found, never what was typed.
  case appointmentLookup = "appointment_lookup"
  case contactWritten = "contact_written"
  case contactExported = "contact_exported"
  case contactErased = "contact_erased"
  case contactsPurged = "contacts_purged"
  case auditPurged = "audit_purged"
  case appointmentBooked = "appointment_booked"
  case appointmentMoved = "appointment_moved"
  case appointmentCancelled = "appointment_cancelled"
  case attendanceRecorded = "attendance_recorded"
  case territoryCreated = "territory_created"
  case territoryRenamed = "territory_renamed"
  case targetDelaySet = "target_delay_set"
  case announcedWaitSet = "announced_wait_set"
  case consentTextPublished = "consent_text_published"

  public var label: String {
    switch self {
    case .login: "connexion"
    case .logout: "déconnexion (changement d'utilisateur)"
    case .loginFailed: "connexion refusée"
    case .accountLocked: "compte verrouillé"
    case .accountCreated: "compte créé"
    case .accountDisabled: "compte désactivé"
    case .accountEnabled: "compte réactivé"
    case .passwordChanged: "mot de passe changé"
    case .contactRead: "lecture de coordonnées"
    case .appointmentLookup: "recherche de rendez-vous par coordonnées"
    case .contactWritten: "écriture de coordonnées"
    case .contactExported: "export de coordonnées"
    case .contactErased: "effacement de coordonnées"
    case .contactsPurged: "effacement automatique (durée de conservation)"
    case .auditPurged: "purge du journal (durée de conservation)"
    case .appointmentBooked: "rendez-vous pris"
    case .appointmentMoved: "rendez-vous déplacé"
    case .appointmentCancelled: "rendez-vous annulé"
    case .attendanceRecorded: "présence notée"
    case .territoryCreated: "territoire créé"
    case .territoryRenamed: "territoire renommé"
    case .targetDelaySet: "délai cible fixé"
    case .announcedWaitSet: "attente annoncée fixée"
    case .consentTextPublished: "texte de consentement publié"
    }
  }
}
