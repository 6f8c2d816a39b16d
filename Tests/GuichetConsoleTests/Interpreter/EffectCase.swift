import GuichetUI

/// One name per case of `Effect`, nested requests included. `init(_:)` switches over every case with no
/// `default`, so a new effect does not compile until it has a name here; `InterpreterCoverageTests` then fails
/// until a row of `EffectRow.all` exercises it.
enum EffectCase: String, CaseIterable, Sendable {
  case none, batch, navigate, quit
  case loadCounters, loadQueue, markLeftUnseen, loadTodayVisits, registerArrival, save,
    startService, searchCommunes
  case searchReference, loadOccupation, loadCertification, loadLabourNeeds, loadStructures
  case recordConsultations, recordSearchMiss
  case agendaLoadStructures, agendaLoadAdvisors, agendaLoad, agendaMark, agendaPrint
  case bookingPrepare, bookingFindSlots, bookingRecordOutcome, bookingLoadConsent
  case bookingRecordConsent, bookingFindDuplicates, bookingBook, bookingSaveSlip, bookingPrintSlip
  case appointmentFind, appointmentCancel, appointmentWithdrawConsent, appointmentFindSlots
  case appointmentReschedule
  case adminLoadStructures, adminLoadAdvisors, adminLoadAvailability, adminLoadRouting, adminWrite
  case supervisionLoad, supervisionRecordSatisfaction
  case sessionCheckFirstAdministrator, sessionLogIn, sessionCreateFirstAdministrator, sessionSignOut
  case sessionChangeUser
  case accountsLoad, accountsWrite
  case request

  init(_ effect: Effect) {
    switch effect {
    case .none: self = .none
    case .batch: self = .batch
    case .navigate: self = .navigate
    case .quit: self = .quit
    case .loadCounters: self = .loadCounters
    case .loadQueue: self = .loadQueue
    case .markLeftUnseen: self = .markLeftUnseen
    case .loadTodayVisits: self = .loadTodayVisits
    case .registerArrival: self = .registerArrival
    case .save: self = .save
    case .startService: self = .startService
    case .searchCommunes: self = .searchCommunes
    case .searchReference: self = .searchReference
    case .loadOccupation: self = .loadOccupation
    case .loadCertification: self = .loadCertification
    case .loadLabourNeeds: self = .loadLabourNeeds
    case .loadStructures: self = .loadStructures
    case .recordConsultations: self = .recordConsultations
    case .recordSearchMiss: self = .recordSearchMiss
    case .agenda(let request):
      switch request {
      case .loadStructures: self = .agendaLoadStructures
      case .loadAdvisors: self = .agendaLoadAdvisors
      case .load: self = .agendaLoad
      case .mark: self = .agendaMark
      case .print: self = .agendaPrint
      }
    case .booking(let effect):
      switch effect {
      case .prepare: self = .bookingPrepare
      case .findSlots: self = .bookingFindSlots
      case .recordOutcome: self = .bookingRecordOutcome
      case .loadConsent: self = .bookingLoadConsent
      case .recordConsent: self = .bookingRecordConsent
      case .findDuplicates: self = .bookingFindDuplicates
      case .book: self = .bookingBook
      case .saveSlip: self = .bookingSaveSlip
      case .printSlip: self = .bookingPrintSlip
      }
    case .appointment(let request):
      switch request {
      case .find: self = .appointmentFind
      case .cancel: self = .appointmentCancel
      case .withdrawConsent: self = .appointmentWithdrawConsent
      case .findSlots: self = .appointmentFindSlots
      case .reschedule: self = .appointmentReschedule
      }
    case .admin(let request):
      switch request {
      case .loadStructures: self = .adminLoadStructures
      case .loadAdvisors: self = .adminLoadAdvisors
      case .loadAvailability: self = .adminLoadAvailability
      case .loadRouting: self = .adminLoadRouting
      case .write: self = .adminWrite
      }
    case .supervision(let request):
      switch request {
      case .load: self = .supervisionLoad
      case .recordSatisfaction: self = .supervisionRecordSatisfaction
      }
    case .session(let request):
      switch request {
      case .checkFirstAdministrator: self = .sessionCheckFirstAdministrator
      case .logIn: self = .sessionLogIn
      case .createFirstAdministrator: self = .sessionCreateFirstAdministrator
      case .signOut: self = .sessionSignOut
      case .changeUser: self = .sessionChangeUser
      }
    case .accounts(let request):
      switch request {
      case .load: self = .accountsLoad
      case .write: self = .accountsWrite
      }
    case .request: self = .request
    }
  }
}
