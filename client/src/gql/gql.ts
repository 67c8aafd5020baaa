/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CurrentUser {\n    me {\n      id\n      email\n      role\n      mustChangePassword\n      patient { id fullName }\n      doctor { id fullName }\n    }\n    hospital { timezone }\n  }\n": typeof types.CurrentUserDocument,
    "\n  fragment AppointmentCard_appointment on Appointment {\n    id\n    startsAt\n    endsAt\n    status\n    reason\n    cancelReason\n    urgent\n    seriesId\n    doctor {\n      id\n      fullName\n      specialization\n      department { id name }\n    }\n    reminders { channel status dueAt sentAt }\n  }\n": typeof types.AppointmentCard_AppointmentFragmentDoc,
    "\n  mutation CancelAppointment($id: ID!, $reason: String) {\n    cancelAppointment(id: $id, reason: $reason) { id status cancelReason updatedAt }\n  }\n": typeof types.CancelAppointmentDocument,
    "\n  fragment DepartmentDialog_department on Department {\n    id\n    name\n    description\n    active\n  }\n": typeof types.DepartmentDialog_DepartmentFragmentDoc,
    "\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) { id ...DepartmentDialog_department }\n  }\n": typeof types.CreateDepartmentDocument,
    "\n  mutation UpdateDepartment($id: ID!, $input: UpdateDepartmentInput!) {\n    updateDepartment(id: $id, input: $input) { id ...DepartmentDialog_department }\n  }\n": typeof types.UpdateDepartmentDocument,
    "\n  query DepartmentDoctorOptions {\n    departments(includeInactive: true) { id name }\n    doctors(includeInactive: true) { id fullName department { id } }\n  }\n": typeof types.DepartmentDoctorOptionsDocument,
    "\n  fragment DoctorCard_doctor on Doctor {\n    id\n    fullName\n    specialization\n    experienceYears\n    about\n    consultationFee { amount currency }\n    department { id name }\n  }\n": typeof types.DoctorCard_DoctorFragmentDoc,
    "\n  fragment DoctorDialog_doctor on Doctor {\n    id\n    fullName\n    specialization\n    phone\n    gender\n    experienceYears\n    about\n    active\n    email\n    department { id }\n    consultationFee { amount currency }\n  }\n": typeof types.DoctorDialog_DoctorFragmentDoc,
    "\n  mutation CreateDoctor($input: CreateDoctorInput!) {\n    createDoctor(input: $input) { id invitationUrl ...DoctorDialog_doctor }\n  }\n": typeof types.CreateDoctorDocument,
    "\n  mutation UpdateDoctor($id: ID!, $input: UpdateDoctorInput!) {\n    updateDoctor(id: $id, input: $input) { id ...DoctorDialog_doctor }\n  }\n": typeof types.UpdateDoctorDocument,
    "\n  query PatientNoShowCount($patientId: ID!) {\n    patientNoShowCount(patientId: $patientId)\n  }\n": typeof types.PatientNoShowCountDocument,
    "\n  mutation RescheduleAppointment($id: ID!, $startsAt: DateTime!) {\n    rescheduleAppointment(id: $id, startsAt: $startsAt) { id startsAt endsAt status updatedAt }\n  }\n": typeof types.RescheduleAppointmentDocument,
    "\n  mutation CreateAdmin($input: CreateAdminInput!) {\n    createAdmin(input: $input) { user { id email } invitationUrl invitationExpiresAt }\n  }\n": typeof types.CreateAdminDocument,
    "\n  mutation AddInvoiceLine($invoiceId: ID!, $input: InvoiceLineInput!) {\n    addInvoiceLine(invoiceId: $invoiceId, input: $input) {\n      id\n      ...InvoiceDetails_invoice\n    }\n  }\n": typeof types.AddInvoiceLineDocument,
    "\n  fragment InvoiceDetails_invoice on Invoice {\n    id\n    number\n    status\n    total { amount currency }\n    paid { amount currency }\n    balance { amount currency }\n    lines { id kind description quantity unitPrice { amount currency } amount { amount currency } }\n    payments { id method reference reason createdAt isRefund amount { amount currency } }\n  }\n": typeof types.InvoiceDetails_InvoiceFragmentDoc,
    "\n  query BillableVisits($checkedIn: AppointmentFilter!, $completed: AppointmentFilter!) {\n    checkedIn: appointments(filter: $checkedIn, first: 100) {\n      items { id startsAt status patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } invoice { id number } }\n    }\n    completed: appointments(filter: $completed, first: 100) {\n      items { id startsAt status patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } invoice { id number } }\n    }\n  }\n": typeof types.BillableVisitsDocument,
    "\n  query PickedVisit($id: ID!) {\n    appointment(id: $id) { id startsAt status patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } invoice { id number } }\n  }\n": typeof types.PickedVisitDocument,
    "\n  mutation IssueInvoice($appointmentId: ID!) {\n    issueInvoice(appointmentId: $appointmentId) { id number status }\n  }\n": typeof types.IssueInvoiceDocument,
    "\n  mutation CreateDraftInvoice($appointmentId: ID!) {\n    createDraftInvoice(appointmentId: $appointmentId) { id number status }\n  }\n": typeof types.CreateDraftInvoiceDocument,
    "\n  query PatientPicker($search: String) {\n    patients(search: $search, first: 10) { items { id fullName medicalRecordNumber } }\n  }\n": typeof types.PatientPickerDocument,
    "\n  mutation RecordPayment($invoiceId: ID!, $amount: String!, $method: PaymentMethod!, $reference: String) {\n    recordPayment(invoiceId: $invoiceId, amount: $amount, method: $method, reference: $reference) {\n      id\n      status\n      paidAt\n      ...InvoiceDetails_invoice\n    }\n  }\n": typeof types.RecordPaymentDocument,
    "\n  mutation RefundPayment($invoiceId: ID!, $amount: String!, $reason: String!, $method: PaymentMethod) {\n    refundPayment(invoiceId: $invoiceId, amount: $amount, reason: $reason, method: $method) {\n      id\n      status\n      paidAt\n      ...InvoiceDetails_invoice\n    }\n  }\n": typeof types.RefundPaymentDocument,
    "\n  mutation VoidInvoice($id: ID!, $reason: String!) {\n    voidInvoice(id: $id, reason: $reason) {\n      id\n      status\n      voidedAt\n      voidReason\n      ...InvoiceDetails_invoice\n    }\n  }\n": typeof types.VoidInvoiceDocument,
    "\n  query BookingDepartments {\n    departments { id name description doctors { id } }\n  }\n": typeof types.BookingDepartmentsDocument,
    "\n  query BookingDoctors($departmentId: ID!) {\n    doctors(departmentId: $departmentId) { id fullName ...DoctorCard_doctor }\n  }\n": typeof types.BookingDoctorsDocument,
    "\n  mutation BookAppointment($input: BookAppointmentInput!) {\n    bookAppointment(input: $input) {\n      id\n      startsAt\n      endsAt\n      status\n      doctor { id fullName }\n    }\n  }\n": typeof types.BookAppointmentDocument,
    "\n  query AvailableDays($doctorId: ID!, $days: Int) {\n    availableDays(doctorId: $doctorId, days: $days) { date freeSlots }\n  }\n": typeof types.AvailableDaysDocument,
    "\n  mutation BookAppointmentSeries($input: BookAppointmentSeriesInput!) {\n    bookAppointmentSeries(input: $input) {\n      seriesId\n      booked { id startsAt endsAt status seriesId doctor { id fullName } }\n      skipped { startsAt code message }\n    }\n  }\n": typeof types.BookAppointmentSeriesDocument,
    "\n  query AvailableSlots($doctorId: ID!, $date: LocalDate!) {\n    availableSlots(doctorId: $doctorId, date: $date) { startsAt endsAt period }\n  }\n": typeof types.AvailableSlotsDocument,
    "\n  fragment PatientSummary_patient on Patient {\n    id\n    fullName\n    medicalRecordNumber\n    dateOfBirth\n    gender\n    phone\n    bloodGroup\n    heightCm\n    weightKg\n    allergies\n  }\n": typeof types.PatientSummary_PatientFragmentDoc,
    "\n  fragment TreatmentEntry_treatment on Treatment {\n    id\n    createdAt\n    visitType\n    diagnosis\n    icdCode\n    prescription\n    medicines { name dose frequency duration instructions }\n    testsOrdered\n    precautions\n    notes\n    patientNotes\n    followUpDate\n    appointment { id startsAt }\n    doctor { id fullName specialization }\n    department { id name }\n  }\n": typeof types.TreatmentEntry_TreatmentFragmentDoc,
    "\n  mutation RecordTreatment($appointmentId: ID!, $input: TreatmentInput!) {\n    recordTreatment(appointmentId: $appointmentId, input: $input) { id version }\n  }\n": typeof types.RecordTreatmentDocument,
    "\n  mutation UpdateTreatment($id: ID!, $input: UpdateTreatmentInput!) {\n    updateTreatment(id: $id, input: $input) {\n      id version updatedAt revisionCount diagnosis icdCode prescription testsOrdered precautions notes patientNotes visitType followUpDate\n      medicines { name dose frequency duration instructions }\n    }\n  }\n": typeof types.UpdateTreatmentDocument,
    "\n  query TreatmentRevisions($treatmentId: ID!) {\n    treatmentRevisions(treatmentId: $treatmentId) {\n      id\n      editedBy\n      editedAt\n      changedFields\n      previous {\n        diagnosis icdCode prescription testsOrdered precautions notes patientNotes visitType followUpDate\n        medicines { name dose frequency duration instructions }\n      }\n    }\n  }\n": typeof types.TreatmentRevisionsDocument,
    "\n  query MyCalendarFeed { myCalendarFeed }\n": typeof types.MyCalendarFeedDocument,
    "\n  mutation RotateCalendarFeed { rotateCalendarFeed }\n": typeof types.RotateCalendarFeedDocument,
    "\n  subscription LiveStatus {\n    liveStatus { live }\n  }\n": typeof types.LiveStatusDocument,
    "\n  fragment DayAppointmentRow_appointment on Appointment {\n    id\n    startsAt\n    endsAt\n    status\n    reason\n    cancelReason\n    checkedInAt\n    urgent\n    urgentReason\n    seriesId\n    queueNumber\n    patient { id fullName medicalRecordNumber }\n  }\n": typeof types.DayAppointmentRow_AppointmentFragmentDoc,
    "\n  query MyNotifications($first: Int) {\n    myNotifications(first: $first) {\n      unreadCount\n      items { id kind message read createdAt appointmentId }\n    }\n  }\n": typeof types.MyNotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded { id kind message read createdAt appointmentId }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query MyExports {\n    myExports { id kind format status progress stage fileName size downloadUrl downloadUrlExpiresAt expiresAt error createdAt }\n  }\n": typeof types.MyExportsDocument,
    "\n  mutation StartExport($input: StartExportInput!) {\n    startExport(input: $input) { id kind format status progress }\n  }\n": typeof types.StartExportDocument,
    "\n  query HospitalReport($from: LocalDate!, $to: LocalDate!, $departmentId: ID, $doctorId: ID) {\n    dashboard(from: $from, to: $to, departmentId: $departmentId, doctorId: $doctorId) {\n      from\n      to\n      timezone\n      currency\n      totals {\n        appointments completed cancelled noShow patients newPatients doctors invoiceCount\n        invoiced { amount currency }\n        collected { amount currency }\n        outstanding { amount currency }\n        appointmentsByStatus { status count }\n      }\n      daily {\n        date appointments completed cancelled noShow\n        invoiced { amount currency }\n        collected { amount currency }\n      }\n      byDoctor {\n        doctorId doctorName departmentName appointments completed cancelled noShow patients invoiceCount\n        invoiced { amount currency }\n        collected { amount currency }\n        outstanding { amount currency }\n      }\n      byDepartment {\n        departmentId departmentName appointments completed cancelled noShow patients invoiceCount\n        invoiced { amount currency }\n        collected { amount currency }\n        outstanding { amount currency }\n      }\n    }\n  }\n": typeof types.HospitalReportDocument,
    "\n  query DoctorMonthlyReport($month: String!) {\n    doctorMonthlyReport(month: $month) { month visits patientsSeen noShows followUpsDue followUpsDueNextMonth byIcdCode { code visits } }\n  }\n": typeof types.DoctorMonthlyReportDocument,
    "\n  query SchedulingStats($from: LocalDate!, $to: LocalDate!) {\n    schedulingStats(from: $from, to: $to) {\n      urgentVisits noShows freedSlots refilledSlots fillRate medianMinutesToRefill\n      noShowsByDoctor { id name noShows visits }\n      noShowsByDepartment { id name noShows visits }\n    }\n  }\n": typeof types.SchedulingStatsDocument,
    "\n  query AvailabilityBlocks($doctorId: ID!) {\n    availabilityBlocks(doctorId: $doctorId) { id startsAt endsAt reason note }\n  }\n": typeof types.AvailabilityBlocksDocument,
    "\n  mutation AddAvailabilityBlock($input: AddAvailabilityBlockInput!) {\n    addAvailabilityBlock(input: $input) { id }\n  }\n": typeof types.AddAvailabilityBlockDocument,
    "\n  mutation RemoveAvailabilityBlock($id: ID!) { removeAvailabilityBlock(id: $id) }\n": typeof types.RemoveAvailabilityBlockDocument,
    "\n  query WeeklyAvailability($doctorId: ID!) {\n    weeklyAvailability(doctorId: $doctorId) { id weekday startTime endTime slotMinutes }\n  }\n": typeof types.WeeklyAvailabilityDocument,
    "\n  mutation SetWeeklyAvailability($doctorId: ID!, $rules: [AvailabilityRuleInput!]!) {\n    setWeeklyAvailability(doctorId: $doctorId, rules: $rules) { id weekday startTime endTime slotMinutes }\n  }\n": typeof types.SetWeeklyAvailabilityDocument,
    "\n  mutation SetMyLanguage($language: String!) {\n    setMyLanguage(language: $language)\n  }\n": typeof types.SetMyLanguageDocument,
    "\n  subscription DoctorScheduleChanged($doctorId: ID!, $after: String) {\n    doctorScheduleChanged(doctorId: $doctorId, after: $after) {\n      kind\n      previousStartsAt\n      cursor\n      appointment {\n        id\n        startsAt\n        endsAt\n        status\n        reason\n        cancelReason\n        checkedInAt\n        updatedAt\n        patient { id fullName }\n        # Everything the day view's row shows, so a new booking can be listed before the day reloads.\n        ...DayAppointmentRow_appointment\n      }\n    }\n  }\n": typeof types.DoctorScheduleChangedDocument,
    "\n  subscription SlotsChanged($doctorId: ID!) {\n    slotsChanged(doctorId: $doctorId) { doctorId startsAt endsAt available }\n  }\n": typeof types.SlotsChangedDocument,
    "\n  query AdminAccounts($role: Role, $search: String, $after: String) {\n    accounts(role: $role, search: $search, first: 25, after: $after) {\n      items { id email role fullName active mustChangePassword awaitingInvitation createdAt }\n      nextCursor\n      totalCount\n    }\n  }\n": typeof types.AdminAccountsDocument,
    "\n  mutation SetAccountActive($userId: ID!, $active: Boolean!) {\n    setAccountActive(userId: $userId, active: $active) { id active }\n  }\n": typeof types.SetAccountActiveDocument,
    "\n  mutation IssueInvitation($userId: ID!) {\n    issueInvitation(userId: $userId) { url expiresAt }\n  }\n": typeof types.IssueInvitationDocument,
    "\n  query PatientSearch($search: String) {\n    patients(search: $search, first: 10) {\n      totalCount\n      items { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n    }\n  }\n": typeof types.PatientSearchDocument,
    "\n  mutation CreateWalkInPatient($input: CreateWalkInPatientInput!) {\n    createWalkInPatient(input: $input) { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n  }\n": typeof types.CreateWalkInPatientDocument,
    "\n  query AdminDashboard {\n    departments(includeInactive: true) { id active }\n    doctors(includeInactive: true) { id active }\n    patients(first: 1) { totalCount }\n  }\n": typeof types.AdminDashboardDocument,
    "\n  query AdminAppointments($filter: AppointmentFilter, $after: String, $first: Int!) {\n    appointments(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        endsAt\n        status\n        reason\n        cancelReason\n        urgent\n        urgentReason\n        patient { id fullName medicalRecordNumber }\n        doctor { id fullName department { id name } }\n      }\n    }\n  }\n": typeof types.AdminAppointmentsDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $after: String, $first: Int!) {\n    auditEvents(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id action entityType entityId entityName actorId actorName actorRole subjectPatientId subjectName changes requestId createdAt\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query AdminDepartments {\n    departments(includeInactive: true) {\n      id\n      name\n      description\n      active\n      doctors { id }\n      ...DepartmentDialog_department\n    }\n  }\n": typeof types.AdminDepartmentsDocument,
    "\n  mutation DeleteDepartment($id: ID!) { deleteDepartment(id: $id) }\n": typeof types.DeleteDepartmentDocument,
    "\n  query DoctorHoursHeader($id: ID!) {\n    doctor(id: $id) { id fullName specialization department { id name } }\n  }\n": typeof types.DoctorHoursHeaderDocument,
    "\n  query AdminDoctors($search: String, $departmentId: ID) {\n    doctors(includeInactive: true, search: $search, departmentId: $departmentId) {\n      id\n      fullName\n      specialization\n      email\n      active\n      department { id name }\n      consultationFee { amount currency }\n      ...DoctorDialog_doctor\n    }\n    departments(includeInactive: true) { id name active }\n  }\n": typeof types.AdminDoctorsDocument,
    "\n  mutation DeleteDoctor($id: ID!) { deleteDoctor(id: $id) }\n": typeof types.DeleteDoctorDocument,
    "\n  query AdminIntegrations {\n    apiKeys { id name prefix scopes expiresAt lastUsedAt revokedAt createdAt createdBy }\n    webhooks { id url events active failingSince disabledAt createdAt }\n  }\n": typeof types.AdminIntegrationsDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { id secret }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) }\n": typeof types.RevokeApiKeyDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { id secret }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  mutation SetWebhookActive($id: ID!, $active: Boolean!) { setWebhookActive(id: $id, active: $active) { id active } }\n": typeof types.SetWebhookActiveDocument,
    "\n  query WebhookDeliveries($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 20) { id type status attempts lastStatusCode lastError nextAttemptAt createdAt }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation ReplayWebhookDelivery($id: ID!) { replayWebhookDelivery(id: $id) { id status } }\n": typeof types.ReplayWebhookDeliveryDocument,
    "\n  query AdminInvoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n      status\n      currency\n      createdAt\n      issuedAt\n      paidAt\n      voidedAt\n      voidReason\n      total { amount currency }\n      paid { amount currency }\n      balance { amount currency }\n      payments { id }\n      patient { id fullName medicalRecordNumber phone }\n      appointment { id startsAt status doctor { id fullName department { id name } } }\n      ...InvoiceDetails_invoice\n    }\n  }\n": typeof types.AdminInvoiceDocument,
    "\n  mutation RemoveInvoiceLine($lineId: ID!) {\n    removeInvoiceLine(lineId: $lineId) { id ...InvoiceDetails_invoice }\n  }\n": typeof types.RemoveInvoiceLineDocument,
    "\n  mutation FinalizeInvoice($id: ID!) {\n    finalizeInvoice(id: $id) { id status issuedAt ...InvoiceDetails_invoice }\n  }\n": typeof types.FinalizeInvoiceDocument,
    "\n  query AdminInvoices($filter: InvoiceFilter, $after: String, $first: Int!) {\n    invoices(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        number\n        status\n        createdAt\n        issuedAt\n        total { amount currency }\n        balance { amount currency }\n        patient { id fullName medicalRecordNumber }\n        appointment { id startsAt doctor { id fullName department { id name } } }\n      }\n    }\n  }\n": typeof types.AdminInvoicesDocument,
    "\n  query AdminMessages($filter: MessageFilter, $after: String, $first: Int) {\n    messages(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items { id kind channel status address patientId patientName appointmentId dueAt sentAt attempts lastError providerId createdAt }\n    }\n    jobQueues {\n      backend workers emailLive smsLive messagesDue messagesFailed\n      queues { name waiting active delayed failed }\n      recentFailures { queue jobId error attempts failedAt }\n    }\n  }\n": typeof types.AdminMessagesDocument,
    "\n  mutation RetryMessage($id: ID!) {\n    retryMessage(id: $id) { id status attempts lastError }\n  }\n": typeof types.RetryMessageDocument,
    "\n  query UrgentDoctors {\n    doctors { id fullName department { id name } }\n  }\n": typeof types.UrgentDoctorsDocument,
    "\n  mutation BookUrgentAppointment($input: BookUrgentAppointmentInput!) {\n    bookUrgentAppointment(input: $input) { id startsAt endsAt urgent urgentReason doctor { id fullName } patient { id fullName } }\n  }\n": typeof types.BookUrgentAppointmentDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePasswordAndSignIn(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      token\n      user { id role }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      user { id role }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  subscription LobbyQueueChanged($displayToken: String!) {\n    lobbyQueueChanged(displayToken: $displayToken) {\n      date\n      title\n      doctors { doctorId doctorName departmentName nowCalling waiting }\n    }\n  }\n": typeof types.LobbyQueueChangedDocument,
    "\n  query HospitalToday($doctorId: ID!) {\n    availableDays(doctorId: $doctorId, days: 1) { date }\n  }\n": typeof types.HospitalTodayDocument,
    "\n  query DoctorDay($doctorId: ID!, $date: LocalDate!) {\n    doctorDay(doctorId: $doctorId, date: $date, includeCancelled: true) {\n      id\n      startsAt\n      status\n      patient { id fullName }\n      ...DayAppointmentRow_appointment\n    }\n  }\n": typeof types.DoctorDayDocument,
    "\n  query DoctorDayHeader($id: ID!) {\n    doctor(id: $id) { id fullName specialization department { id name } }\n  }\n": typeof types.DoctorDayHeaderDocument,
    "\n  mutation DoctorDaySetStatus($id: ID!, $status: AppointmentStatus!) {\n    setAppointmentStatus(id: $id, status: $status) { id status checkedInAt updatedAt }\n  }\n": typeof types.DoctorDaySetStatusDocument,
    "\n  mutation DoctorDayCallNext($doctorId: ID!) {\n    callNextPatient(doctorId: $doctorId) { id status queueNumber updatedAt patient { id fullName } }\n  }\n": typeof types.DoctorDayCallNextDocument,
    "\n  mutation DoctorDayCancel($id: ID!, $reason: String) {\n    cancelAppointment(id: $id, reason: $reason) { id status cancelReason cancelledAt updatedAt }\n  }\n": typeof types.DoctorDayCancelDocument,
    "\n  query DoctorToday($doctorId: ID!) {\n    availableDays(doctorId: $doctorId, days: 1) { date }\n  }\n": typeof types.DoctorTodayDocument,
    "\n  query DoctorTodayAppointments($doctorId: ID!, $date: LocalDate!) {\n    doctorDay(doctorId: $doctorId, date: $date) { id startsAt endsAt status patient { id fullName } }\n  }\n": typeof types.DoctorTodayAppointmentsDocument,
    "\n  query DoctorPatient($patientId: ID!) {\n    patient(id: $patientId) { id fullName ...PatientSummary_patient }\n    patientHistory(patientId: $patientId) { id ...TreatmentEntry_treatment }\n  }\n": typeof types.DoctorPatientDocument,
    "\n  query DoctorPatients($search: String, $first: Int!, $after: String) {\n    patients(search: $search, first: $first, after: $after) {\n      totalCount\n      nextCursor\n      items { id fullName medicalRecordNumber dateOfBirth gender phone }\n    }\n  }\n": typeof types.DoctorPatientsDocument,
    "\n  query DoctorVisit($id: ID!) {\n    appointment(id: $id) {\n      id\n      startsAt\n      endsAt\n      status\n      reason\n      checkedInAt\n      doctor { id fullName }\n      patient { id fullName ...PatientSummary_patient }\n    }\n  }\n": typeof types.DoctorVisitDocument,
    "\n  query DoctorVisitHistory($patientId: ID!) {\n    patientHistory(patientId: $patientId) {\n      id\n      version\n      revisionCount\n      appointment { id }\n      doctor { id }\n      diagnosis icdCode visitType prescription testsOrdered precautions notes patientNotes followUpDate\n      medicines { name dose frequency duration instructions }\n      ...TreatmentEntry_treatment\n    }\n  }\n": typeof types.DoctorVisitHistoryDocument,
    "\n  mutation DoctorVisitSetStatus($id: ID!, $status: AppointmentStatus!) {\n    setAppointmentStatus(id: $id, status: $status) { id status checkedInAt updatedAt }\n  }\n": typeof types.DoctorVisitSetStatusDocument,
    "\n  query FlowBoard($date: LocalDate) {\n    flowBoard(date: $date) {\n      date\n      generatedAt\n      entries {\n        status\n        queueNumber\n        arrivedAt\n        calledAt\n        minutesWaited\n        appointment { id startsAt endsAt patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } }\n      }\n    }\n  }\n": typeof types.FlowBoardDocument,
    "\n  subscription FlowBoardChanged($date: LocalDate) {\n    flowBoardChanged(date: $date) { kind appointmentId doctorId }\n  }\n": typeof types.FlowBoardChangedDocument,
    "\n  mutation FlowBoardSetStatus($id: ID!, $status: AppointmentStatus!) {\n    setAppointmentStatus(id: $id, status: $status) { id status checkedInAt queueNumber }\n  }\n": typeof types.FlowBoardSetStatusDocument,
    "\n  query DisplayTokens {\n    displayTokens { id name active createdAt rotatedAt department { id name } }\n    departments { id name }\n  }\n": typeof types.DisplayTokensDocument,
    "\n  mutation CreateDisplayToken($input: CreateDisplayTokenInput!) {\n    createDisplayToken(input: $input) { secret displayToken { id name } }\n  }\n": typeof types.CreateDisplayTokenDocument,
    "\n  mutation RotateDisplayToken($id: ID!) {\n    rotateDisplayToken(id: $id) { secret displayToken { id name } }\n  }\n": typeof types.RotateDisplayTokenDocument,
    "\n  mutation RevokeDisplayToken($id: ID!) { revokeDisplayToken(id: $id) }\n": typeof types.RevokeDisplayTokenDocument,
    "\n  query AdminPatient($id: ID!) {\n    patient(id: $id) {\n      id fullName medicalRecordNumber dateOfBirth gender phone address email hasAccount active mergedIntoId\n    }\n    appointments(filter: { patientId: $id }, first: 50) {\n      items { id startsAt status doctor { id fullName } }\n      totalCount\n    }\n    invoices(filter: { patientId: $id }, first: 50) {\n      items { id number status total { amount currency } balance { amount currency } }\n      totalCount\n    }\n  }\n": typeof types.AdminPatientDocument,
    "\n  mutation AdminUpdatePatient($id: ID!, $input: UpdatePatientInput!) {\n    updatePatient(id: $id, input: $input) { id fullName dateOfBirth gender phone address }\n  }\n": typeof types.AdminUpdatePatientDocument,
    "\n  mutation AdminSetPatientActive($patientId: ID!, $active: Boolean!) {\n    setPatientActive(patientId: $patientId, active: $active) { id active }\n  }\n": typeof types.AdminSetPatientActiveDocument,
    "\n  mutation AdminMergePatients($sourcePatientId: ID!, $targetPatientId: ID!) {\n    mergePatients(sourcePatientId: $sourcePatientId, targetPatientId: $targetPatientId) { id }\n  }\n": typeof types.AdminMergePatientsDocument,
    "\n  query AdminPatients($search: String, $after: String) {\n    patients(search: $search, first: 25, after: $after) {\n      items { id fullName medicalRecordNumber phone email hasAccount active }\n      nextCursor\n      totalCount\n    }\n  }\n": typeof types.AdminPatientsDocument,
    "\n  query MyBills($after: String, $first: Int!) {\n    myBillingSummary { outstanding { amount currency } invoiceCount unpaidCount }\n    myInvoices(after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        number\n        status\n        issuedAt\n        createdAt\n        total { amount currency }\n        balance { amount currency }\n        appointment { id startsAt doctor { id fullName department { id name } } }\n        ...InvoiceDetails_invoice\n      }\n    }\n  }\n": typeof types.MyBillsDocument,
    "\n  query MyHistory($patientId: ID!) {\n    patientHistory(patientId: $patientId) { id ...TreatmentEntry_treatment }\n  }\n": typeof types.MyHistoryDocument,
    "\n  query MyAppointments($upcoming: Boolean, $after: String, $first: Int!) {\n    myAppointments(upcoming: $upcoming, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        status\n        doctor { id fullName }\n        ...AppointmentCard_appointment\n      }\n    }\n  }\n": typeof types.MyAppointmentsDocument,
    "\n  query PatientDashboard {\n    upcoming: myAppointments(upcoming: true, first: 3) {\n      totalCount\n      items { id ...AppointmentCard_appointment }\n    }\n    completed: myAppointments(status: COMPLETED, first: 1) { totalCount }\n    records: myRecordSummary { treatmentCount latest { id diagnosis appointment { id startsAt } doctor { id fullName } } }\n    bills: myBillingSummary { outstanding { amount currency } unpaidCount }\n  }\n": typeof types.PatientDashboardDocument,
    "\n  query MyProfile {\n    me {\n      id\n      email\n      patient {\n        id\n        fullName\n        medicalRecordNumber\n        dateOfBirth\n        gender\n        phone\n        address\n        bloodGroup\n        heightCm\n        weightKg\n        allergies\n        reminderOptIn\n        reminderSmsOptIn\n      }\n    }\n  }\n": typeof types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      fullName\n      dateOfBirth\n      gender\n      phone\n      address\n      bloodGroup\n      heightCm\n      weightKg\n      allergies\n      reminderOptIn\n      reminderSmsOptIn\n    }\n  }\n": typeof types.UpdateMyProfileDocument,
    "\n  query MyRecordAccess($first: Int!, $before: ID) {\n    myRecordAccess(first: $first, before: $before) { id readerName readerRole kind treatmentId granted at }\n  }\n": typeof types.MyRecordAccessDocument,
    "\n  query WaitlistChoices {\n    departments { id name doctors { id fullName } }\n  }\n": typeof types.WaitlistChoicesDocument,
    "\n  query MyWaitlist {\n    myWaitlist {\n      id status from to periods doctorName departmentName createdAt\n      offer { id startsAt endsAt expiresAt doctorName }\n    }\n  }\n": typeof types.MyWaitlistDocument,
    "\n  mutation JoinWaitlist($input: JoinWaitlistInput!) {\n    joinWaitlist(input: $input) { id status }\n  }\n": typeof types.JoinWaitlistDocument,
    "\n  mutation AcceptWaitlistOffer($offerId: ID!) {\n    acceptWaitlistOffer(offerId: $offerId) { id startsAt status doctor { id fullName } }\n  }\n": typeof types.AcceptWaitlistOfferDocument,
    "\n  mutation DeclineWaitlistOffer($offerId: ID!) {\n    declineWaitlistOffer(offerId: $offerId) { id status offer { id } }\n  }\n": typeof types.DeclineWaitlistOfferDocument,
    "\n  mutation LeaveWaitlist($entryId: ID!) {\n    leaveWaitlist(entryId: $entryId) { id status }\n  }\n": typeof types.LeaveWaitlistDocument,
};
const documents: Documents = {
    "\n  query CurrentUser {\n    me {\n      id\n      email\n      role\n      mustChangePassword\n      patient { id fullName }\n      doctor { id fullName }\n    }\n    hospital { timezone }\n  }\n": types.CurrentUserDocument,
    "\n  fragment AppointmentCard_appointment on Appointment {\n    id\n    startsAt\n    endsAt\n    status\n    reason\n    cancelReason\n    urgent\n    seriesId\n    doctor {\n      id\n      fullName\n      specialization\n      department { id name }\n    }\n    reminders { channel status dueAt sentAt }\n  }\n": types.AppointmentCard_AppointmentFragmentDoc,
    "\n  mutation CancelAppointment($id: ID!, $reason: String) {\n    cancelAppointment(id: $id, reason: $reason) { id status cancelReason updatedAt }\n  }\n": types.CancelAppointmentDocument,
    "\n  fragment DepartmentDialog_department on Department {\n    id\n    name\n    description\n    active\n  }\n": types.DepartmentDialog_DepartmentFragmentDoc,
    "\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) { id ...DepartmentDialog_department }\n  }\n": types.CreateDepartmentDocument,
    "\n  mutation UpdateDepartment($id: ID!, $input: UpdateDepartmentInput!) {\n    updateDepartment(id: $id, input: $input) { id ...DepartmentDialog_department }\n  }\n": types.UpdateDepartmentDocument,
    "\n  query DepartmentDoctorOptions {\n    departments(includeInactive: true) { id name }\n    doctors(includeInactive: true) { id fullName department { id } }\n  }\n": types.DepartmentDoctorOptionsDocument,
    "\n  fragment DoctorCard_doctor on Doctor {\n    id\n    fullName\n    specialization\n    experienceYears\n    about\n    consultationFee { amount currency }\n    department { id name }\n  }\n": types.DoctorCard_DoctorFragmentDoc,
    "\n  fragment DoctorDialog_doctor on Doctor {\n    id\n    fullName\n    specialization\n    phone\n    gender\n    experienceYears\n    about\n    active\n    email\n    department { id }\n    consultationFee { amount currency }\n  }\n": types.DoctorDialog_DoctorFragmentDoc,
    "\n  mutation CreateDoctor($input: CreateDoctorInput!) {\n    createDoctor(input: $input) { id invitationUrl ...DoctorDialog_doctor }\n  }\n": types.CreateDoctorDocument,
    "\n  mutation UpdateDoctor($id: ID!, $input: UpdateDoctorInput!) {\n    updateDoctor(id: $id, input: $input) { id ...DoctorDialog_doctor }\n  }\n": types.UpdateDoctorDocument,
    "\n  query PatientNoShowCount($patientId: ID!) {\n    patientNoShowCount(patientId: $patientId)\n  }\n": types.PatientNoShowCountDocument,
    "\n  mutation RescheduleAppointment($id: ID!, $startsAt: DateTime!) {\n    rescheduleAppointment(id: $id, startsAt: $startsAt) { id startsAt endsAt status updatedAt }\n  }\n": types.RescheduleAppointmentDocument,
    "\n  mutation CreateAdmin($input: CreateAdminInput!) {\n    createAdmin(input: $input) { user { id email } invitationUrl invitationExpiresAt }\n  }\n": types.CreateAdminDocument,
    "\n  mutation AddInvoiceLine($invoiceId: ID!, $input: InvoiceLineInput!) {\n    addInvoiceLine(invoiceId: $invoiceId, input: $input) {\n      id\n      ...InvoiceDetails_invoice\n    }\n  }\n": types.AddInvoiceLineDocument,
    "\n  fragment InvoiceDetails_invoice on Invoice {\n    id\n    number\n    status\n    total { amount currency }\n    paid { amount currency }\n    balance { amount currency }\n    lines { id kind description quantity unitPrice { amount currency } amount { amount currency } }\n    payments { id method reference reason createdAt isRefund amount { amount currency } }\n  }\n": types.InvoiceDetails_InvoiceFragmentDoc,
    "\n  query BillableVisits($checkedIn: AppointmentFilter!, $completed: AppointmentFilter!) {\n    checkedIn: appointments(filter: $checkedIn, first: 100) {\n      items { id startsAt status patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } invoice { id number } }\n    }\n    completed: appointments(filter: $completed, first: 100) {\n      items { id startsAt status patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } invoice { id number } }\n    }\n  }\n": types.BillableVisitsDocument,
    "\n  query PickedVisit($id: ID!) {\n    appointment(id: $id) { id startsAt status patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } invoice { id number } }\n  }\n": types.PickedVisitDocument,
    "\n  mutation IssueInvoice($appointmentId: ID!) {\n    issueInvoice(appointmentId: $appointmentId) { id number status }\n  }\n": types.IssueInvoiceDocument,
    "\n  mutation CreateDraftInvoice($appointmentId: ID!) {\n    createDraftInvoice(appointmentId: $appointmentId) { id number status }\n  }\n": types.CreateDraftInvoiceDocument,
    "\n  query PatientPicker($search: String) {\n    patients(search: $search, first: 10) { items { id fullName medicalRecordNumber } }\n  }\n": types.PatientPickerDocument,
    "\n  mutation RecordPayment($invoiceId: ID!, $amount: String!, $method: PaymentMethod!, $reference: String) {\n    recordPayment(invoiceId: $invoiceId, amount: $amount, method: $method, reference: $reference) {\n      id\n      status\n      paidAt\n      ...InvoiceDetails_invoice\n    }\n  }\n": types.RecordPaymentDocument,
    "\n  mutation RefundPayment($invoiceId: ID!, $amount: String!, $reason: String!, $method: PaymentMethod) {\n    refundPayment(invoiceId: $invoiceId, amount: $amount, reason: $reason, method: $method) {\n      id\n      status\n      paidAt\n      ...InvoiceDetails_invoice\n    }\n  }\n": types.RefundPaymentDocument,
    "\n  mutation VoidInvoice($id: ID!, $reason: String!) {\n    voidInvoice(id: $id, reason: $reason) {\n      id\n      status\n      voidedAt\n      voidReason\n      ...InvoiceDetails_invoice\n    }\n  }\n": types.VoidInvoiceDocument,
    "\n  query BookingDepartments {\n    departments { id name description doctors { id } }\n  }\n": types.BookingDepartmentsDocument,
    "\n  query BookingDoctors($departmentId: ID!) {\n    doctors(departmentId: $departmentId) { id fullName ...DoctorCard_doctor }\n  }\n": types.BookingDoctorsDocument,
    "\n  mutation BookAppointment($input: BookAppointmentInput!) {\n    bookAppointment(input: $input) {\n      id\n      startsAt\n      endsAt\n      status\n      doctor { id fullName }\n    }\n  }\n": types.BookAppointmentDocument,
    "\n  query AvailableDays($doctorId: ID!, $days: Int) {\n    availableDays(doctorId: $doctorId, days: $days) { date freeSlots }\n  }\n": types.AvailableDaysDocument,
    "\n  mutation BookAppointmentSeries($input: BookAppointmentSeriesInput!) {\n    bookAppointmentSeries(input: $input) {\n      seriesId\n      booked { id startsAt endsAt status seriesId doctor { id fullName } }\n      skipped { startsAt code message }\n    }\n  }\n": types.BookAppointmentSeriesDocument,
    "\n  query AvailableSlots($doctorId: ID!, $date: LocalDate!) {\n    availableSlots(doctorId: $doctorId, date: $date) { startsAt endsAt period }\n  }\n": types.AvailableSlotsDocument,
    "\n  fragment PatientSummary_patient on Patient {\n    id\n    fullName\n    medicalRecordNumber\n    dateOfBirth\n    gender\n    phone\n    bloodGroup\n    heightCm\n    weightKg\n    allergies\n  }\n": types.PatientSummary_PatientFragmentDoc,
    "\n  fragment TreatmentEntry_treatment on Treatment {\n    id\n    createdAt\n    visitType\n    diagnosis\n    icdCode\n    prescription\n    medicines { name dose frequency duration instructions }\n    testsOrdered\n    precautions\n    notes\n    patientNotes\n    followUpDate\n    appointment { id startsAt }\n    doctor { id fullName specialization }\n    department { id name }\n  }\n": types.TreatmentEntry_TreatmentFragmentDoc,
    "\n  mutation RecordTreatment($appointmentId: ID!, $input: TreatmentInput!) {\n    recordTreatment(appointmentId: $appointmentId, input: $input) { id version }\n  }\n": types.RecordTreatmentDocument,
    "\n  mutation UpdateTreatment($id: ID!, $input: UpdateTreatmentInput!) {\n    updateTreatment(id: $id, input: $input) {\n      id version updatedAt revisionCount diagnosis icdCode prescription testsOrdered precautions notes patientNotes visitType followUpDate\n      medicines { name dose frequency duration instructions }\n    }\n  }\n": types.UpdateTreatmentDocument,
    "\n  query TreatmentRevisions($treatmentId: ID!) {\n    treatmentRevisions(treatmentId: $treatmentId) {\n      id\n      editedBy\n      editedAt\n      changedFields\n      previous {\n        diagnosis icdCode prescription testsOrdered precautions notes patientNotes visitType followUpDate\n        medicines { name dose frequency duration instructions }\n      }\n    }\n  }\n": types.TreatmentRevisionsDocument,
    "\n  query MyCalendarFeed { myCalendarFeed }\n": types.MyCalendarFeedDocument,
    "\n  mutation RotateCalendarFeed { rotateCalendarFeed }\n": types.RotateCalendarFeedDocument,
    "\n  subscription LiveStatus {\n    liveStatus { live }\n  }\n": types.LiveStatusDocument,
    "\n  fragment DayAppointmentRow_appointment on Appointment {\n    id\n    startsAt\n    endsAt\n    status\n    reason\n    cancelReason\n    checkedInAt\n    urgent\n    urgentReason\n    seriesId\n    queueNumber\n    patient { id fullName medicalRecordNumber }\n  }\n": types.DayAppointmentRow_AppointmentFragmentDoc,
    "\n  query MyNotifications($first: Int) {\n    myNotifications(first: $first) {\n      unreadCount\n      items { id kind message read createdAt appointmentId }\n    }\n  }\n": types.MyNotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded { id kind message read createdAt appointmentId }\n  }\n": types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query MyExports {\n    myExports { id kind format status progress stage fileName size downloadUrl downloadUrlExpiresAt expiresAt error createdAt }\n  }\n": types.MyExportsDocument,
    "\n  mutation StartExport($input: StartExportInput!) {\n    startExport(input: $input) { id kind format status progress }\n  }\n": types.StartExportDocument,
    "\n  query HospitalReport($from: LocalDate!, $to: LocalDate!, $departmentId: ID, $doctorId: ID) {\n    dashboard(from: $from, to: $to, departmentId: $departmentId, doctorId: $doctorId) {\n      from\n      to\n      timezone\n      currency\n      totals {\n        appointments completed cancelled noShow patients newPatients doctors invoiceCount\n        invoiced { amount currency }\n        collected { amount currency }\n        outstanding { amount currency }\n        appointmentsByStatus { status count }\n      }\n      daily {\n        date appointments completed cancelled noShow\n        invoiced { amount currency }\n        collected { amount currency }\n      }\n      byDoctor {\n        doctorId doctorName departmentName appointments completed cancelled noShow patients invoiceCount\n        invoiced { amount currency }\n        collected { amount currency }\n        outstanding { amount currency }\n      }\n      byDepartment {\n        departmentId departmentName appointments completed cancelled noShow patients invoiceCount\n        invoiced { amount currency }\n        collected { amount currency }\n        outstanding { amount currency }\n      }\n    }\n  }\n": types.HospitalReportDocument,
    "\n  query DoctorMonthlyReport($month: String!) {\n    doctorMonthlyReport(month: $month) { month visits patientsSeen noShows followUpsDue followUpsDueNextMonth byIcdCode { code visits } }\n  }\n": types.DoctorMonthlyReportDocument,
    "\n  query SchedulingStats($from: LocalDate!, $to: LocalDate!) {\n    schedulingStats(from: $from, to: $to) {\n      urgentVisits noShows freedSlots refilledSlots fillRate medianMinutesToRefill\n      noShowsByDoctor { id name noShows visits }\n      noShowsByDepartment { id name noShows visits }\n    }\n  }\n": types.SchedulingStatsDocument,
    "\n  query AvailabilityBlocks($doctorId: ID!) {\n    availabilityBlocks(doctorId: $doctorId) { id startsAt endsAt reason note }\n  }\n": types.AvailabilityBlocksDocument,
    "\n  mutation AddAvailabilityBlock($input: AddAvailabilityBlockInput!) {\n    addAvailabilityBlock(input: $input) { id }\n  }\n": types.AddAvailabilityBlockDocument,
    "\n  mutation RemoveAvailabilityBlock($id: ID!) { removeAvailabilityBlock(id: $id) }\n": types.RemoveAvailabilityBlockDocument,
    "\n  query WeeklyAvailability($doctorId: ID!) {\n    weeklyAvailability(doctorId: $doctorId) { id weekday startTime endTime slotMinutes }\n  }\n": types.WeeklyAvailabilityDocument,
    "\n  mutation SetWeeklyAvailability($doctorId: ID!, $rules: [AvailabilityRuleInput!]!) {\n    setWeeklyAvailability(doctorId: $doctorId, rules: $rules) { id weekday startTime endTime slotMinutes }\n  }\n": types.SetWeeklyAvailabilityDocument,
    "\n  mutation SetMyLanguage($language: String!) {\n    setMyLanguage(language: $language)\n  }\n": types.SetMyLanguageDocument,
    "\n  subscription DoctorScheduleChanged($doctorId: ID!, $after: String) {\n    doctorScheduleChanged(doctorId: $doctorId, after: $after) {\n      kind\n      previousStartsAt\n      cursor\n      appointment {\n        id\n        startsAt\n        endsAt\n        status\n        reason\n        cancelReason\n        checkedInAt\n        updatedAt\n        patient { id fullName }\n        # Everything the day view's row shows, so a new booking can be listed before the day reloads.\n        ...DayAppointmentRow_appointment\n      }\n    }\n  }\n": types.DoctorScheduleChangedDocument,
    "\n  subscription SlotsChanged($doctorId: ID!) {\n    slotsChanged(doctorId: $doctorId) { doctorId startsAt endsAt available }\n  }\n": types.SlotsChangedDocument,
    "\n  query AdminAccounts($role: Role, $search: String, $after: String) {\n    accounts(role: $role, search: $search, first: 25, after: $after) {\n      items { id email role fullName active mustChangePassword awaitingInvitation createdAt }\n      nextCursor\n      totalCount\n    }\n  }\n": types.AdminAccountsDocument,
    "\n  mutation SetAccountActive($userId: ID!, $active: Boolean!) {\n    setAccountActive(userId: $userId, active: $active) { id active }\n  }\n": types.SetAccountActiveDocument,
    "\n  mutation IssueInvitation($userId: ID!) {\n    issueInvitation(userId: $userId) { url expiresAt }\n  }\n": types.IssueInvitationDocument,
    "\n  query PatientSearch($search: String) {\n    patients(search: $search, first: 10) {\n      totalCount\n      items { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n    }\n  }\n": types.PatientSearchDocument,
    "\n  mutation CreateWalkInPatient($input: CreateWalkInPatientInput!) {\n    createWalkInPatient(input: $input) { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n  }\n": types.CreateWalkInPatientDocument,
    "\n  query AdminDashboard {\n    departments(includeInactive: true) { id active }\n    doctors(includeInactive: true) { id active }\n    patients(first: 1) { totalCount }\n  }\n": types.AdminDashboardDocument,
    "\n  query AdminAppointments($filter: AppointmentFilter, $after: String, $first: Int!) {\n    appointments(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        endsAt\n        status\n        reason\n        cancelReason\n        urgent\n        urgentReason\n        patient { id fullName medicalRecordNumber }\n        doctor { id fullName department { id name } }\n      }\n    }\n  }\n": types.AdminAppointmentsDocument,
    "\n  query AuditEvents($filter: AuditEventFilter, $after: String, $first: Int!) {\n    auditEvents(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id action entityType entityId entityName actorId actorName actorRole subjectPatientId subjectName changes requestId createdAt\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query AdminDepartments {\n    departments(includeInactive: true) {\n      id\n      name\n      description\n      active\n      doctors { id }\n      ...DepartmentDialog_department\n    }\n  }\n": types.AdminDepartmentsDocument,
    "\n  mutation DeleteDepartment($id: ID!) { deleteDepartment(id: $id) }\n": types.DeleteDepartmentDocument,
    "\n  query DoctorHoursHeader($id: ID!) {\n    doctor(id: $id) { id fullName specialization department { id name } }\n  }\n": types.DoctorHoursHeaderDocument,
    "\n  query AdminDoctors($search: String, $departmentId: ID) {\n    doctors(includeInactive: true, search: $search, departmentId: $departmentId) {\n      id\n      fullName\n      specialization\n      email\n      active\n      department { id name }\n      consultationFee { amount currency }\n      ...DoctorDialog_doctor\n    }\n    departments(includeInactive: true) { id name active }\n  }\n": types.AdminDoctorsDocument,
    "\n  mutation DeleteDoctor($id: ID!) { deleteDoctor(id: $id) }\n": types.DeleteDoctorDocument,
    "\n  query AdminIntegrations {\n    apiKeys { id name prefix scopes expiresAt lastUsedAt revokedAt createdAt createdBy }\n    webhooks { id url events active failingSince disabledAt createdAt }\n  }\n": types.AdminIntegrationsDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { id secret }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) }\n": types.RevokeApiKeyDocument,
    "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { id secret }\n  }\n": types.CreateWebhookDocument,
    "\n  mutation SetWebhookActive($id: ID!, $active: Boolean!) { setWebhookActive(id: $id, active: $active) { id active } }\n": types.SetWebhookActiveDocument,
    "\n  query WebhookDeliveries($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 20) { id type status attempts lastStatusCode lastError nextAttemptAt createdAt }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation ReplayWebhookDelivery($id: ID!) { replayWebhookDelivery(id: $id) { id status } }\n": types.ReplayWebhookDeliveryDocument,
    "\n  query AdminInvoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n      status\n      currency\n      createdAt\n      issuedAt\n      paidAt\n      voidedAt\n      voidReason\n      total { amount currency }\n      paid { amount currency }\n      balance { amount currency }\n      payments { id }\n      patient { id fullName medicalRecordNumber phone }\n      appointment { id startsAt status doctor { id fullName department { id name } } }\n      ...InvoiceDetails_invoice\n    }\n  }\n": types.AdminInvoiceDocument,
    "\n  mutation RemoveInvoiceLine($lineId: ID!) {\n    removeInvoiceLine(lineId: $lineId) { id ...InvoiceDetails_invoice }\n  }\n": types.RemoveInvoiceLineDocument,
    "\n  mutation FinalizeInvoice($id: ID!) {\n    finalizeInvoice(id: $id) { id status issuedAt ...InvoiceDetails_invoice }\n  }\n": types.FinalizeInvoiceDocument,
    "\n  query AdminInvoices($filter: InvoiceFilter, $after: String, $first: Int!) {\n    invoices(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        number\n        status\n        createdAt\n        issuedAt\n        total { amount currency }\n        balance { amount currency }\n        patient { id fullName medicalRecordNumber }\n        appointment { id startsAt doctor { id fullName department { id name } } }\n      }\n    }\n  }\n": types.AdminInvoicesDocument,
    "\n  query AdminMessages($filter: MessageFilter, $after: String, $first: Int) {\n    messages(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items { id kind channel status address patientId patientName appointmentId dueAt sentAt attempts lastError providerId createdAt }\n    }\n    jobQueues {\n      backend workers emailLive smsLive messagesDue messagesFailed\n      queues { name waiting active delayed failed }\n      recentFailures { queue jobId error attempts failedAt }\n    }\n  }\n": types.AdminMessagesDocument,
    "\n  mutation RetryMessage($id: ID!) {\n    retryMessage(id: $id) { id status attempts lastError }\n  }\n": types.RetryMessageDocument,
    "\n  query UrgentDoctors {\n    doctors { id fullName department { id name } }\n  }\n": types.UrgentDoctorsDocument,
    "\n  mutation BookUrgentAppointment($input: BookUrgentAppointmentInput!) {\n    bookUrgentAppointment(input: $input) { id startsAt endsAt urgent urgentReason doctor { id fullName } patient { id fullName } }\n  }\n": types.BookUrgentAppointmentDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePasswordAndSignIn(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      token\n      user { id role }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      user { id role }\n    }\n  }\n": types.SignUpDocument,
    "\n  subscription LobbyQueueChanged($displayToken: String!) {\n    lobbyQueueChanged(displayToken: $displayToken) {\n      date\n      title\n      doctors { doctorId doctorName departmentName nowCalling waiting }\n    }\n  }\n": types.LobbyQueueChangedDocument,
    "\n  query HospitalToday($doctorId: ID!) {\n    availableDays(doctorId: $doctorId, days: 1) { date }\n  }\n": types.HospitalTodayDocument,
    "\n  query DoctorDay($doctorId: ID!, $date: LocalDate!) {\n    doctorDay(doctorId: $doctorId, date: $date, includeCancelled: true) {\n      id\n      startsAt\n      status\n      patient { id fullName }\n      ...DayAppointmentRow_appointment\n    }\n  }\n": types.DoctorDayDocument,
    "\n  query DoctorDayHeader($id: ID!) {\n    doctor(id: $id) { id fullName specialization department { id name } }\n  }\n": types.DoctorDayHeaderDocument,
    "\n  mutation DoctorDaySetStatus($id: ID!, $status: AppointmentStatus!) {\n    setAppointmentStatus(id: $id, status: $status) { id status checkedInAt updatedAt }\n  }\n": types.DoctorDaySetStatusDocument,
    "\n  mutation DoctorDayCallNext($doctorId: ID!) {\n    callNextPatient(doctorId: $doctorId) { id status queueNumber updatedAt patient { id fullName } }\n  }\n": types.DoctorDayCallNextDocument,
    "\n  mutation DoctorDayCancel($id: ID!, $reason: String) {\n    cancelAppointment(id: $id, reason: $reason) { id status cancelReason cancelledAt updatedAt }\n  }\n": types.DoctorDayCancelDocument,
    "\n  query DoctorToday($doctorId: ID!) {\n    availableDays(doctorId: $doctorId, days: 1) { date }\n  }\n": types.DoctorTodayDocument,
    "\n  query DoctorTodayAppointments($doctorId: ID!, $date: LocalDate!) {\n    doctorDay(doctorId: $doctorId, date: $date) { id startsAt endsAt status patient { id fullName } }\n  }\n": types.DoctorTodayAppointmentsDocument,
    "\n  query DoctorPatient($patientId: ID!) {\n    patient(id: $patientId) { id fullName ...PatientSummary_patient }\n    patientHistory(patientId: $patientId) { id ...TreatmentEntry_treatment }\n  }\n": types.DoctorPatientDocument,
    "\n  query DoctorPatients($search: String, $first: Int!, $after: String) {\n    patients(search: $search, first: $first, after: $after) {\n      totalCount\n      nextCursor\n      items { id fullName medicalRecordNumber dateOfBirth gender phone }\n    }\n  }\n": types.DoctorPatientsDocument,
    "\n  query DoctorVisit($id: ID!) {\n    appointment(id: $id) {\n      id\n      startsAt\n      endsAt\n      status\n      reason\n      checkedInAt\n      doctor { id fullName }\n      patient { id fullName ...PatientSummary_patient }\n    }\n  }\n": types.DoctorVisitDocument,
    "\n  query DoctorVisitHistory($patientId: ID!) {\n    patientHistory(patientId: $patientId) {\n      id\n      version\n      revisionCount\n      appointment { id }\n      doctor { id }\n      diagnosis icdCode visitType prescription testsOrdered precautions notes patientNotes followUpDate\n      medicines { name dose frequency duration instructions }\n      ...TreatmentEntry_treatment\n    }\n  }\n": types.DoctorVisitHistoryDocument,
    "\n  mutation DoctorVisitSetStatus($id: ID!, $status: AppointmentStatus!) {\n    setAppointmentStatus(id: $id, status: $status) { id status checkedInAt updatedAt }\n  }\n": types.DoctorVisitSetStatusDocument,
    "\n  query FlowBoard($date: LocalDate) {\n    flowBoard(date: $date) {\n      date\n      generatedAt\n      entries {\n        status\n        queueNumber\n        arrivedAt\n        calledAt\n        minutesWaited\n        appointment { id startsAt endsAt patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } }\n      }\n    }\n  }\n": types.FlowBoardDocument,
    "\n  subscription FlowBoardChanged($date: LocalDate) {\n    flowBoardChanged(date: $date) { kind appointmentId doctorId }\n  }\n": types.FlowBoardChangedDocument,
    "\n  mutation FlowBoardSetStatus($id: ID!, $status: AppointmentStatus!) {\n    setAppointmentStatus(id: $id, status: $status) { id status checkedInAt queueNumber }\n  }\n": types.FlowBoardSetStatusDocument,
    "\n  query DisplayTokens {\n    displayTokens { id name active createdAt rotatedAt department { id name } }\n    departments { id name }\n  }\n": types.DisplayTokensDocument,
    "\n  mutation CreateDisplayToken($input: CreateDisplayTokenInput!) {\n    createDisplayToken(input: $input) { secret displayToken { id name } }\n  }\n": types.CreateDisplayTokenDocument,
    "\n  mutation RotateDisplayToken($id: ID!) {\n    rotateDisplayToken(id: $id) { secret displayToken { id name } }\n  }\n": types.RotateDisplayTokenDocument,
    "\n  mutation RevokeDisplayToken($id: ID!) { revokeDisplayToken(id: $id) }\n": types.RevokeDisplayTokenDocument,
    "\n  query AdminPatient($id: ID!) {\n    patient(id: $id) {\n      id fullName medicalRecordNumber dateOfBirth gender phone address email hasAccount active mergedIntoId\n    }\n    appointments(filter: { patientId: $id }, first: 50) {\n      items { id startsAt status doctor { id fullName } }\n      totalCount\n    }\n    invoices(filter: { patientId: $id }, first: 50) {\n      items { id number status total { amount currency } balance { amount currency } }\n      totalCount\n    }\n  }\n": types.AdminPatientDocument,
    "\n  mutation AdminUpdatePatient($id: ID!, $input: UpdatePatientInput!) {\n    updatePatient(id: $id, input: $input) { id fullName dateOfBirth gender phone address }\n  }\n": types.AdminUpdatePatientDocument,
    "\n  mutation AdminSetPatientActive($patientId: ID!, $active: Boolean!) {\n    setPatientActive(patientId: $patientId, active: $active) { id active }\n  }\n": types.AdminSetPatientActiveDocument,
    "\n  mutation AdminMergePatients($sourcePatientId: ID!, $targetPatientId: ID!) {\n    mergePatients(sourcePatientId: $sourcePatientId, targetPatientId: $targetPatientId) { id }\n  }\n": types.AdminMergePatientsDocument,
    "\n  query AdminPatients($search: String, $after: String) {\n    patients(search: $search, first: 25, after: $after) {\n      items { id fullName medicalRecordNumber phone email hasAccount active }\n      nextCursor\n      totalCount\n    }\n  }\n": types.AdminPatientsDocument,
    "\n  query MyBills($after: String, $first: Int!) {\n    myBillingSummary { outstanding { amount currency } invoiceCount unpaidCount }\n    myInvoices(after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        number\n        status\n        issuedAt\n        createdAt\n        total { amount currency }\n        balance { amount currency }\n        appointment { id startsAt doctor { id fullName department { id name } } }\n        ...InvoiceDetails_invoice\n      }\n    }\n  }\n": types.MyBillsDocument,
    "\n  query MyHistory($patientId: ID!) {\n    patientHistory(patientId: $patientId) { id ...TreatmentEntry_treatment }\n  }\n": types.MyHistoryDocument,
    "\n  query MyAppointments($upcoming: Boolean, $after: String, $first: Int!) {\n    myAppointments(upcoming: $upcoming, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        status\n        doctor { id fullName }\n        ...AppointmentCard_appointment\n      }\n    }\n  }\n": types.MyAppointmentsDocument,
    "\n  query PatientDashboard {\n    upcoming: myAppointments(upcoming: true, first: 3) {\n      totalCount\n      items { id ...AppointmentCard_appointment }\n    }\n    completed: myAppointments(status: COMPLETED, first: 1) { totalCount }\n    records: myRecordSummary { treatmentCount latest { id diagnosis appointment { id startsAt } doctor { id fullName } } }\n    bills: myBillingSummary { outstanding { amount currency } unpaidCount }\n  }\n": types.PatientDashboardDocument,
    "\n  query MyProfile {\n    me {\n      id\n      email\n      patient {\n        id\n        fullName\n        medicalRecordNumber\n        dateOfBirth\n        gender\n        phone\n        address\n        bloodGroup\n        heightCm\n        weightKg\n        allergies\n        reminderOptIn\n        reminderSmsOptIn\n      }\n    }\n  }\n": types.MyProfileDocument,
    "\n  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      fullName\n      dateOfBirth\n      gender\n      phone\n      address\n      bloodGroup\n      heightCm\n      weightKg\n      allergies\n      reminderOptIn\n      reminderSmsOptIn\n    }\n  }\n": types.UpdateMyProfileDocument,
    "\n  query MyRecordAccess($first: Int!, $before: ID) {\n    myRecordAccess(first: $first, before: $before) { id readerName readerRole kind treatmentId granted at }\n  }\n": types.MyRecordAccessDocument,
    "\n  query WaitlistChoices {\n    departments { id name doctors { id fullName } }\n  }\n": types.WaitlistChoicesDocument,
    "\n  query MyWaitlist {\n    myWaitlist {\n      id status from to periods doctorName departmentName createdAt\n      offer { id startsAt endsAt expiresAt doctorName }\n    }\n  }\n": types.MyWaitlistDocument,
    "\n  mutation JoinWaitlist($input: JoinWaitlistInput!) {\n    joinWaitlist(input: $input) { id status }\n  }\n": types.JoinWaitlistDocument,
    "\n  mutation AcceptWaitlistOffer($offerId: ID!) {\n    acceptWaitlistOffer(offerId: $offerId) { id startsAt status doctor { id fullName } }\n  }\n": types.AcceptWaitlistOfferDocument,
    "\n  mutation DeclineWaitlistOffer($offerId: ID!) {\n    declineWaitlistOffer(offerId: $offerId) { id status offer { id } }\n  }\n": types.DeclineWaitlistOfferDocument,
    "\n  mutation LeaveWaitlist($entryId: ID!) {\n    leaveWaitlist(entryId: $entryId) { id status }\n  }\n": types.LeaveWaitlistDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentUser {\n    me {\n      id\n      email\n      role\n      mustChangePassword\n      patient { id fullName }\n      doctor { id fullName }\n    }\n    hospital { timezone }\n  }\n"): (typeof documents)["\n  query CurrentUser {\n    me {\n      id\n      email\n      role\n      mustChangePassword\n      patient { id fullName }\n      doctor { id fullName }\n    }\n    hospital { timezone }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AppointmentCard_appointment on Appointment {\n    id\n    startsAt\n    endsAt\n    status\n    reason\n    cancelReason\n    urgent\n    seriesId\n    doctor {\n      id\n      fullName\n      specialization\n      department { id name }\n    }\n    reminders { channel status dueAt sentAt }\n  }\n"): (typeof documents)["\n  fragment AppointmentCard_appointment on Appointment {\n    id\n    startsAt\n    endsAt\n    status\n    reason\n    cancelReason\n    urgent\n    seriesId\n    doctor {\n      id\n      fullName\n      specialization\n      department { id name }\n    }\n    reminders { channel status dueAt sentAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelAppointment($id: ID!, $reason: String) {\n    cancelAppointment(id: $id, reason: $reason) { id status cancelReason updatedAt }\n  }\n"): (typeof documents)["\n  mutation CancelAppointment($id: ID!, $reason: String) {\n    cancelAppointment(id: $id, reason: $reason) { id status cancelReason updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DepartmentDialog_department on Department {\n    id\n    name\n    description\n    active\n  }\n"): (typeof documents)["\n  fragment DepartmentDialog_department on Department {\n    id\n    name\n    description\n    active\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) { id ...DepartmentDialog_department }\n  }\n"): (typeof documents)["\n  mutation CreateDepartment($input: CreateDepartmentInput!) {\n    createDepartment(input: $input) { id ...DepartmentDialog_department }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDepartment($id: ID!, $input: UpdateDepartmentInput!) {\n    updateDepartment(id: $id, input: $input) { id ...DepartmentDialog_department }\n  }\n"): (typeof documents)["\n  mutation UpdateDepartment($id: ID!, $input: UpdateDepartmentInput!) {\n    updateDepartment(id: $id, input: $input) { id ...DepartmentDialog_department }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DepartmentDoctorOptions {\n    departments(includeInactive: true) { id name }\n    doctors(includeInactive: true) { id fullName department { id } }\n  }\n"): (typeof documents)["\n  query DepartmentDoctorOptions {\n    departments(includeInactive: true) { id name }\n    doctors(includeInactive: true) { id fullName department { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DoctorCard_doctor on Doctor {\n    id\n    fullName\n    specialization\n    experienceYears\n    about\n    consultationFee { amount currency }\n    department { id name }\n  }\n"): (typeof documents)["\n  fragment DoctorCard_doctor on Doctor {\n    id\n    fullName\n    specialization\n    experienceYears\n    about\n    consultationFee { amount currency }\n    department { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DoctorDialog_doctor on Doctor {\n    id\n    fullName\n    specialization\n    phone\n    gender\n    experienceYears\n    about\n    active\n    email\n    department { id }\n    consultationFee { amount currency }\n  }\n"): (typeof documents)["\n  fragment DoctorDialog_doctor on Doctor {\n    id\n    fullName\n    specialization\n    phone\n    gender\n    experienceYears\n    about\n    active\n    email\n    department { id }\n    consultationFee { amount currency }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDoctor($input: CreateDoctorInput!) {\n    createDoctor(input: $input) { id invitationUrl ...DoctorDialog_doctor }\n  }\n"): (typeof documents)["\n  mutation CreateDoctor($input: CreateDoctorInput!) {\n    createDoctor(input: $input) { id invitationUrl ...DoctorDialog_doctor }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDoctor($id: ID!, $input: UpdateDoctorInput!) {\n    updateDoctor(id: $id, input: $input) { id ...DoctorDialog_doctor }\n  }\n"): (typeof documents)["\n  mutation UpdateDoctor($id: ID!, $input: UpdateDoctorInput!) {\n    updateDoctor(id: $id, input: $input) { id ...DoctorDialog_doctor }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatientNoShowCount($patientId: ID!) {\n    patientNoShowCount(patientId: $patientId)\n  }\n"): (typeof documents)["\n  query PatientNoShowCount($patientId: ID!) {\n    patientNoShowCount(patientId: $patientId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RescheduleAppointment($id: ID!, $startsAt: DateTime!) {\n    rescheduleAppointment(id: $id, startsAt: $startsAt) { id startsAt endsAt status updatedAt }\n  }\n"): (typeof documents)["\n  mutation RescheduleAppointment($id: ID!, $startsAt: DateTime!) {\n    rescheduleAppointment(id: $id, startsAt: $startsAt) { id startsAt endsAt status updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAdmin($input: CreateAdminInput!) {\n    createAdmin(input: $input) { user { id email } invitationUrl invitationExpiresAt }\n  }\n"): (typeof documents)["\n  mutation CreateAdmin($input: CreateAdminInput!) {\n    createAdmin(input: $input) { user { id email } invitationUrl invitationExpiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddInvoiceLine($invoiceId: ID!, $input: InvoiceLineInput!) {\n    addInvoiceLine(invoiceId: $invoiceId, input: $input) {\n      id\n      ...InvoiceDetails_invoice\n    }\n  }\n"): (typeof documents)["\n  mutation AddInvoiceLine($invoiceId: ID!, $input: InvoiceLineInput!) {\n    addInvoiceLine(invoiceId: $invoiceId, input: $input) {\n      id\n      ...InvoiceDetails_invoice\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoiceDetails_invoice on Invoice {\n    id\n    number\n    status\n    total { amount currency }\n    paid { amount currency }\n    balance { amount currency }\n    lines { id kind description quantity unitPrice { amount currency } amount { amount currency } }\n    payments { id method reference reason createdAt isRefund amount { amount currency } }\n  }\n"): (typeof documents)["\n  fragment InvoiceDetails_invoice on Invoice {\n    id\n    number\n    status\n    total { amount currency }\n    paid { amount currency }\n    balance { amount currency }\n    lines { id kind description quantity unitPrice { amount currency } amount { amount currency } }\n    payments { id method reference reason createdAt isRefund amount { amount currency } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BillableVisits($checkedIn: AppointmentFilter!, $completed: AppointmentFilter!) {\n    checkedIn: appointments(filter: $checkedIn, first: 100) {\n      items { id startsAt status patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } invoice { id number } }\n    }\n    completed: appointments(filter: $completed, first: 100) {\n      items { id startsAt status patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } invoice { id number } }\n    }\n  }\n"): (typeof documents)["\n  query BillableVisits($checkedIn: AppointmentFilter!, $completed: AppointmentFilter!) {\n    checkedIn: appointments(filter: $checkedIn, first: 100) {\n      items { id startsAt status patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } invoice { id number } }\n    }\n    completed: appointments(filter: $completed, first: 100) {\n      items { id startsAt status patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } invoice { id number } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PickedVisit($id: ID!) {\n    appointment(id: $id) { id startsAt status patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } invoice { id number } }\n  }\n"): (typeof documents)["\n  query PickedVisit($id: ID!) {\n    appointment(id: $id) { id startsAt status patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } invoice { id number } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueInvoice($appointmentId: ID!) {\n    issueInvoice(appointmentId: $appointmentId) { id number status }\n  }\n"): (typeof documents)["\n  mutation IssueInvoice($appointmentId: ID!) {\n    issueInvoice(appointmentId: $appointmentId) { id number status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDraftInvoice($appointmentId: ID!) {\n    createDraftInvoice(appointmentId: $appointmentId) { id number status }\n  }\n"): (typeof documents)["\n  mutation CreateDraftInvoice($appointmentId: ID!) {\n    createDraftInvoice(appointmentId: $appointmentId) { id number status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatientPicker($search: String) {\n    patients(search: $search, first: 10) { items { id fullName medicalRecordNumber } }\n  }\n"): (typeof documents)["\n  query PatientPicker($search: String) {\n    patients(search: $search, first: 10) { items { id fullName medicalRecordNumber } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordPayment($invoiceId: ID!, $amount: String!, $method: PaymentMethod!, $reference: String) {\n    recordPayment(invoiceId: $invoiceId, amount: $amount, method: $method, reference: $reference) {\n      id\n      status\n      paidAt\n      ...InvoiceDetails_invoice\n    }\n  }\n"): (typeof documents)["\n  mutation RecordPayment($invoiceId: ID!, $amount: String!, $method: PaymentMethod!, $reference: String) {\n    recordPayment(invoiceId: $invoiceId, amount: $amount, method: $method, reference: $reference) {\n      id\n      status\n      paidAt\n      ...InvoiceDetails_invoice\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefundPayment($invoiceId: ID!, $amount: String!, $reason: String!, $method: PaymentMethod) {\n    refundPayment(invoiceId: $invoiceId, amount: $amount, reason: $reason, method: $method) {\n      id\n      status\n      paidAt\n      ...InvoiceDetails_invoice\n    }\n  }\n"): (typeof documents)["\n  mutation RefundPayment($invoiceId: ID!, $amount: String!, $reason: String!, $method: PaymentMethod) {\n    refundPayment(invoiceId: $invoiceId, amount: $amount, reason: $reason, method: $method) {\n      id\n      status\n      paidAt\n      ...InvoiceDetails_invoice\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoidInvoice($id: ID!, $reason: String!) {\n    voidInvoice(id: $id, reason: $reason) {\n      id\n      status\n      voidedAt\n      voidReason\n      ...InvoiceDetails_invoice\n    }\n  }\n"): (typeof documents)["\n  mutation VoidInvoice($id: ID!, $reason: String!) {\n    voidInvoice(id: $id, reason: $reason) {\n      id\n      status\n      voidedAt\n      voidReason\n      ...InvoiceDetails_invoice\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookingDepartments {\n    departments { id name description doctors { id } }\n  }\n"): (typeof documents)["\n  query BookingDepartments {\n    departments { id name description doctors { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BookingDoctors($departmentId: ID!) {\n    doctors(departmentId: $departmentId) { id fullName ...DoctorCard_doctor }\n  }\n"): (typeof documents)["\n  query BookingDoctors($departmentId: ID!) {\n    doctors(departmentId: $departmentId) { id fullName ...DoctorCard_doctor }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BookAppointment($input: BookAppointmentInput!) {\n    bookAppointment(input: $input) {\n      id\n      startsAt\n      endsAt\n      status\n      doctor { id fullName }\n    }\n  }\n"): (typeof documents)["\n  mutation BookAppointment($input: BookAppointmentInput!) {\n    bookAppointment(input: $input) {\n      id\n      startsAt\n      endsAt\n      status\n      doctor { id fullName }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AvailableDays($doctorId: ID!, $days: Int) {\n    availableDays(doctorId: $doctorId, days: $days) { date freeSlots }\n  }\n"): (typeof documents)["\n  query AvailableDays($doctorId: ID!, $days: Int) {\n    availableDays(doctorId: $doctorId, days: $days) { date freeSlots }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BookAppointmentSeries($input: BookAppointmentSeriesInput!) {\n    bookAppointmentSeries(input: $input) {\n      seriesId\n      booked { id startsAt endsAt status seriesId doctor { id fullName } }\n      skipped { startsAt code message }\n    }\n  }\n"): (typeof documents)["\n  mutation BookAppointmentSeries($input: BookAppointmentSeriesInput!) {\n    bookAppointmentSeries(input: $input) {\n      seriesId\n      booked { id startsAt endsAt status seriesId doctor { id fullName } }\n      skipped { startsAt code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AvailableSlots($doctorId: ID!, $date: LocalDate!) {\n    availableSlots(doctorId: $doctorId, date: $date) { startsAt endsAt period }\n  }\n"): (typeof documents)["\n  query AvailableSlots($doctorId: ID!, $date: LocalDate!) {\n    availableSlots(doctorId: $doctorId, date: $date) { startsAt endsAt period }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PatientSummary_patient on Patient {\n    id\n    fullName\n    medicalRecordNumber\n    dateOfBirth\n    gender\n    phone\n    bloodGroup\n    heightCm\n    weightKg\n    allergies\n  }\n"): (typeof documents)["\n  fragment PatientSummary_patient on Patient {\n    id\n    fullName\n    medicalRecordNumber\n    dateOfBirth\n    gender\n    phone\n    bloodGroup\n    heightCm\n    weightKg\n    allergies\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TreatmentEntry_treatment on Treatment {\n    id\n    createdAt\n    visitType\n    diagnosis\n    icdCode\n    prescription\n    medicines { name dose frequency duration instructions }\n    testsOrdered\n    precautions\n    notes\n    patientNotes\n    followUpDate\n    appointment { id startsAt }\n    doctor { id fullName specialization }\n    department { id name }\n  }\n"): (typeof documents)["\n  fragment TreatmentEntry_treatment on Treatment {\n    id\n    createdAt\n    visitType\n    diagnosis\n    icdCode\n    prescription\n    medicines { name dose frequency duration instructions }\n    testsOrdered\n    precautions\n    notes\n    patientNotes\n    followUpDate\n    appointment { id startsAt }\n    doctor { id fullName specialization }\n    department { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordTreatment($appointmentId: ID!, $input: TreatmentInput!) {\n    recordTreatment(appointmentId: $appointmentId, input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation RecordTreatment($appointmentId: ID!, $input: TreatmentInput!) {\n    recordTreatment(appointmentId: $appointmentId, input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTreatment($id: ID!, $input: UpdateTreatmentInput!) {\n    updateTreatment(id: $id, input: $input) {\n      id version updatedAt revisionCount diagnosis icdCode prescription testsOrdered precautions notes patientNotes visitType followUpDate\n      medicines { name dose frequency duration instructions }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTreatment($id: ID!, $input: UpdateTreatmentInput!) {\n    updateTreatment(id: $id, input: $input) {\n      id version updatedAt revisionCount diagnosis icdCode prescription testsOrdered precautions notes patientNotes visitType followUpDate\n      medicines { name dose frequency duration instructions }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TreatmentRevisions($treatmentId: ID!) {\n    treatmentRevisions(treatmentId: $treatmentId) {\n      id\n      editedBy\n      editedAt\n      changedFields\n      previous {\n        diagnosis icdCode prescription testsOrdered precautions notes patientNotes visitType followUpDate\n        medicines { name dose frequency duration instructions }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TreatmentRevisions($treatmentId: ID!) {\n    treatmentRevisions(treatmentId: $treatmentId) {\n      id\n      editedBy\n      editedAt\n      changedFields\n      previous {\n        diagnosis icdCode prescription testsOrdered precautions notes patientNotes visitType followUpDate\n        medicines { name dose frequency duration instructions }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCalendarFeed { myCalendarFeed }\n"): (typeof documents)["\n  query MyCalendarFeed { myCalendarFeed }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateCalendarFeed { rotateCalendarFeed }\n"): (typeof documents)["\n  mutation RotateCalendarFeed { rotateCalendarFeed }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveStatus {\n    liveStatus { live }\n  }\n"): (typeof documents)["\n  subscription LiveStatus {\n    liveStatus { live }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DayAppointmentRow_appointment on Appointment {\n    id\n    startsAt\n    endsAt\n    status\n    reason\n    cancelReason\n    checkedInAt\n    urgent\n    urgentReason\n    seriesId\n    queueNumber\n    patient { id fullName medicalRecordNumber }\n  }\n"): (typeof documents)["\n  fragment DayAppointmentRow_appointment on Appointment {\n    id\n    startsAt\n    endsAt\n    status\n    reason\n    cancelReason\n    checkedInAt\n    urgent\n    urgentReason\n    seriesId\n    queueNumber\n    patient { id fullName medicalRecordNumber }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotifications($first: Int) {\n    myNotifications(first: $first) {\n      unreadCount\n      items { id kind message read createdAt appointmentId }\n    }\n  }\n"): (typeof documents)["\n  query MyNotifications($first: Int) {\n    myNotifications(first: $first) {\n      unreadCount\n      items { id kind message read createdAt appointmentId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded { id kind message read createdAt appointmentId }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded { id kind message read createdAt appointmentId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {\n    markNotificationsRead(ids: $ids, all: $all)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyExports {\n    myExports { id kind format status progress stage fileName size downloadUrl downloadUrlExpiresAt expiresAt error createdAt }\n  }\n"): (typeof documents)["\n  query MyExports {\n    myExports { id kind format status progress stage fileName size downloadUrl downloadUrlExpiresAt expiresAt error createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartExport($input: StartExportInput!) {\n    startExport(input: $input) { id kind format status progress }\n  }\n"): (typeof documents)["\n  mutation StartExport($input: StartExportInput!) {\n    startExport(input: $input) { id kind format status progress }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HospitalReport($from: LocalDate!, $to: LocalDate!, $departmentId: ID, $doctorId: ID) {\n    dashboard(from: $from, to: $to, departmentId: $departmentId, doctorId: $doctorId) {\n      from\n      to\n      timezone\n      currency\n      totals {\n        appointments completed cancelled noShow patients newPatients doctors invoiceCount\n        invoiced { amount currency }\n        collected { amount currency }\n        outstanding { amount currency }\n        appointmentsByStatus { status count }\n      }\n      daily {\n        date appointments completed cancelled noShow\n        invoiced { amount currency }\n        collected { amount currency }\n      }\n      byDoctor {\n        doctorId doctorName departmentName appointments completed cancelled noShow patients invoiceCount\n        invoiced { amount currency }\n        collected { amount currency }\n        outstanding { amount currency }\n      }\n      byDepartment {\n        departmentId departmentName appointments completed cancelled noShow patients invoiceCount\n        invoiced { amount currency }\n        collected { amount currency }\n        outstanding { amount currency }\n      }\n    }\n  }\n"): (typeof documents)["\n  query HospitalReport($from: LocalDate!, $to: LocalDate!, $departmentId: ID, $doctorId: ID) {\n    dashboard(from: $from, to: $to, departmentId: $departmentId, doctorId: $doctorId) {\n      from\n      to\n      timezone\n      currency\n      totals {\n        appointments completed cancelled noShow patients newPatients doctors invoiceCount\n        invoiced { amount currency }\n        collected { amount currency }\n        outstanding { amount currency }\n        appointmentsByStatus { status count }\n      }\n      daily {\n        date appointments completed cancelled noShow\n        invoiced { amount currency }\n        collected { amount currency }\n      }\n      byDoctor {\n        doctorId doctorName departmentName appointments completed cancelled noShow patients invoiceCount\n        invoiced { amount currency }\n        collected { amount currency }\n        outstanding { amount currency }\n      }\n      byDepartment {\n        departmentId departmentName appointments completed cancelled noShow patients invoiceCount\n        invoiced { amount currency }\n        collected { amount currency }\n        outstanding { amount currency }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorMonthlyReport($month: String!) {\n    doctorMonthlyReport(month: $month) { month visits patientsSeen noShows followUpsDue followUpsDueNextMonth byIcdCode { code visits } }\n  }\n"): (typeof documents)["\n  query DoctorMonthlyReport($month: String!) {\n    doctorMonthlyReport(month: $month) { month visits patientsSeen noShows followUpsDue followUpsDueNextMonth byIcdCode { code visits } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulingStats($from: LocalDate!, $to: LocalDate!) {\n    schedulingStats(from: $from, to: $to) {\n      urgentVisits noShows freedSlots refilledSlots fillRate medianMinutesToRefill\n      noShowsByDoctor { id name noShows visits }\n      noShowsByDepartment { id name noShows visits }\n    }\n  }\n"): (typeof documents)["\n  query SchedulingStats($from: LocalDate!, $to: LocalDate!) {\n    schedulingStats(from: $from, to: $to) {\n      urgentVisits noShows freedSlots refilledSlots fillRate medianMinutesToRefill\n      noShowsByDoctor { id name noShows visits }\n      noShowsByDepartment { id name noShows visits }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AvailabilityBlocks($doctorId: ID!) {\n    availabilityBlocks(doctorId: $doctorId) { id startsAt endsAt reason note }\n  }\n"): (typeof documents)["\n  query AvailabilityBlocks($doctorId: ID!) {\n    availabilityBlocks(doctorId: $doctorId) { id startsAt endsAt reason note }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddAvailabilityBlock($input: AddAvailabilityBlockInput!) {\n    addAvailabilityBlock(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation AddAvailabilityBlock($input: AddAvailabilityBlockInput!) {\n    addAvailabilityBlock(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveAvailabilityBlock($id: ID!) { removeAvailabilityBlock(id: $id) }\n"): (typeof documents)["\n  mutation RemoveAvailabilityBlock($id: ID!) { removeAvailabilityBlock(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WeeklyAvailability($doctorId: ID!) {\n    weeklyAvailability(doctorId: $doctorId) { id weekday startTime endTime slotMinutes }\n  }\n"): (typeof documents)["\n  query WeeklyAvailability($doctorId: ID!) {\n    weeklyAvailability(doctorId: $doctorId) { id weekday startTime endTime slotMinutes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWeeklyAvailability($doctorId: ID!, $rules: [AvailabilityRuleInput!]!) {\n    setWeeklyAvailability(doctorId: $doctorId, rules: $rules) { id weekday startTime endTime slotMinutes }\n  }\n"): (typeof documents)["\n  mutation SetWeeklyAvailability($doctorId: ID!, $rules: [AvailabilityRuleInput!]!) {\n    setWeeklyAvailability(doctorId: $doctorId, rules: $rules) { id weekday startTime endTime slotMinutes }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMyLanguage($language: String!) {\n    setMyLanguage(language: $language)\n  }\n"): (typeof documents)["\n  mutation SetMyLanguage($language: String!) {\n    setMyLanguage(language: $language)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DoctorScheduleChanged($doctorId: ID!, $after: String) {\n    doctorScheduleChanged(doctorId: $doctorId, after: $after) {\n      kind\n      previousStartsAt\n      cursor\n      appointment {\n        id\n        startsAt\n        endsAt\n        status\n        reason\n        cancelReason\n        checkedInAt\n        updatedAt\n        patient { id fullName }\n        # Everything the day view's row shows, so a new booking can be listed before the day reloads.\n        ...DayAppointmentRow_appointment\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription DoctorScheduleChanged($doctorId: ID!, $after: String) {\n    doctorScheduleChanged(doctorId: $doctorId, after: $after) {\n      kind\n      previousStartsAt\n      cursor\n      appointment {\n        id\n        startsAt\n        endsAt\n        status\n        reason\n        cancelReason\n        checkedInAt\n        updatedAt\n        patient { id fullName }\n        # Everything the day view's row shows, so a new booking can be listed before the day reloads.\n        ...DayAppointmentRow_appointment\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SlotsChanged($doctorId: ID!) {\n    slotsChanged(doctorId: $doctorId) { doctorId startsAt endsAt available }\n  }\n"): (typeof documents)["\n  subscription SlotsChanged($doctorId: ID!) {\n    slotsChanged(doctorId: $doctorId) { doctorId startsAt endsAt available }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAccounts($role: Role, $search: String, $after: String) {\n    accounts(role: $role, search: $search, first: 25, after: $after) {\n      items { id email role fullName active mustChangePassword awaitingInvitation createdAt }\n      nextCursor\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query AdminAccounts($role: Role, $search: String, $after: String) {\n    accounts(role: $role, search: $search, first: 25, after: $after) {\n      items { id email role fullName active mustChangePassword awaitingInvitation createdAt }\n      nextCursor\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAccountActive($userId: ID!, $active: Boolean!) {\n    setAccountActive(userId: $userId, active: $active) { id active }\n  }\n"): (typeof documents)["\n  mutation SetAccountActive($userId: ID!, $active: Boolean!) {\n    setAccountActive(userId: $userId, active: $active) { id active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueInvitation($userId: ID!) {\n    issueInvitation(userId: $userId) { url expiresAt }\n  }\n"): (typeof documents)["\n  mutation IssueInvitation($userId: ID!) {\n    issueInvitation(userId: $userId) { url expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatientSearch($search: String) {\n    patients(search: $search, first: 10) {\n      totalCount\n      items { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n    }\n  }\n"): (typeof documents)["\n  query PatientSearch($search: String) {\n    patients(search: $search, first: 10) {\n      totalCount\n      items { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWalkInPatient($input: CreateWalkInPatientInput!) {\n    createWalkInPatient(input: $input) { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n  }\n"): (typeof documents)["\n  mutation CreateWalkInPatient($input: CreateWalkInPatientInput!) {\n    createWalkInPatient(input: $input) { id fullName medicalRecordNumber phone dateOfBirth hasAccount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDashboard {\n    departments(includeInactive: true) { id active }\n    doctors(includeInactive: true) { id active }\n    patients(first: 1) { totalCount }\n  }\n"): (typeof documents)["\n  query AdminDashboard {\n    departments(includeInactive: true) { id active }\n    doctors(includeInactive: true) { id active }\n    patients(first: 1) { totalCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAppointments($filter: AppointmentFilter, $after: String, $first: Int!) {\n    appointments(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        endsAt\n        status\n        reason\n        cancelReason\n        urgent\n        urgentReason\n        patient { id fullName medicalRecordNumber }\n        doctor { id fullName department { id name } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminAppointments($filter: AppointmentFilter, $after: String, $first: Int!) {\n    appointments(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        endsAt\n        status\n        reason\n        cancelReason\n        urgent\n        urgentReason\n        patient { id fullName medicalRecordNumber }\n        doctor { id fullName department { id name } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditEventFilter, $after: String, $first: Int!) {\n    auditEvents(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id action entityType entityId entityName actorId actorName actorRole subjectPatientId subjectName changes requestId createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($filter: AuditEventFilter, $after: String, $first: Int!) {\n    auditEvents(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id action entityType entityId entityName actorId actorName actorRole subjectPatientId subjectName changes requestId createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDepartments {\n    departments(includeInactive: true) {\n      id\n      name\n      description\n      active\n      doctors { id }\n      ...DepartmentDialog_department\n    }\n  }\n"): (typeof documents)["\n  query AdminDepartments {\n    departments(includeInactive: true) {\n      id\n      name\n      description\n      active\n      doctors { id }\n      ...DepartmentDialog_department\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDepartment($id: ID!) { deleteDepartment(id: $id) }\n"): (typeof documents)["\n  mutation DeleteDepartment($id: ID!) { deleteDepartment(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorHoursHeader($id: ID!) {\n    doctor(id: $id) { id fullName specialization department { id name } }\n  }\n"): (typeof documents)["\n  query DoctorHoursHeader($id: ID!) {\n    doctor(id: $id) { id fullName specialization department { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDoctors($search: String, $departmentId: ID) {\n    doctors(includeInactive: true, search: $search, departmentId: $departmentId) {\n      id\n      fullName\n      specialization\n      email\n      active\n      department { id name }\n      consultationFee { amount currency }\n      ...DoctorDialog_doctor\n    }\n    departments(includeInactive: true) { id name active }\n  }\n"): (typeof documents)["\n  query AdminDoctors($search: String, $departmentId: ID) {\n    doctors(includeInactive: true, search: $search, departmentId: $departmentId) {\n      id\n      fullName\n      specialization\n      email\n      active\n      department { id name }\n      consultationFee { amount currency }\n      ...DoctorDialog_doctor\n    }\n    departments(includeInactive: true) { id name active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDoctor($id: ID!) { deleteDoctor(id: $id) }\n"): (typeof documents)["\n  mutation DeleteDoctor($id: ID!) { deleteDoctor(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminIntegrations {\n    apiKeys { id name prefix scopes expiresAt lastUsedAt revokedAt createdAt createdBy }\n    webhooks { id url events active failingSince disabledAt createdAt }\n  }\n"): (typeof documents)["\n  query AdminIntegrations {\n    apiKeys { id name prefix scopes expiresAt lastUsedAt revokedAt createdAt createdBy }\n    webhooks { id url events active failingSince disabledAt createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { id secret }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { id secret }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { id secret }\n  }\n"): (typeof documents)["\n  mutation CreateWebhook($input: CreateWebhookInput!) {\n    createWebhook(input: $input) { id secret }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWebhookActive($id: ID!, $active: Boolean!) { setWebhookActive(id: $id, active: $active) { id active } }\n"): (typeof documents)["\n  mutation SetWebhookActive($id: ID!, $active: Boolean!) { setWebhookActive(id: $id, active: $active) { id active } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 20) { id type status attempts lastStatusCode lastError nextAttemptAt createdAt }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($endpointId: ID!) {\n    webhookDeliveries(endpointId: $endpointId, first: 20) { id type status attempts lastStatusCode lastError nextAttemptAt createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayWebhookDelivery($id: ID!) { replayWebhookDelivery(id: $id) { id status } }\n"): (typeof documents)["\n  mutation ReplayWebhookDelivery($id: ID!) { replayWebhookDelivery(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminInvoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n      status\n      currency\n      createdAt\n      issuedAt\n      paidAt\n      voidedAt\n      voidReason\n      total { amount currency }\n      paid { amount currency }\n      balance { amount currency }\n      payments { id }\n      patient { id fullName medicalRecordNumber phone }\n      appointment { id startsAt status doctor { id fullName department { id name } } }\n      ...InvoiceDetails_invoice\n    }\n  }\n"): (typeof documents)["\n  query AdminInvoice($id: ID!) {\n    invoice(id: $id) {\n      id\n      number\n      status\n      currency\n      createdAt\n      issuedAt\n      paidAt\n      voidedAt\n      voidReason\n      total { amount currency }\n      paid { amount currency }\n      balance { amount currency }\n      payments { id }\n      patient { id fullName medicalRecordNumber phone }\n      appointment { id startsAt status doctor { id fullName department { id name } } }\n      ...InvoiceDetails_invoice\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveInvoiceLine($lineId: ID!) {\n    removeInvoiceLine(lineId: $lineId) { id ...InvoiceDetails_invoice }\n  }\n"): (typeof documents)["\n  mutation RemoveInvoiceLine($lineId: ID!) {\n    removeInvoiceLine(lineId: $lineId) { id ...InvoiceDetails_invoice }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FinalizeInvoice($id: ID!) {\n    finalizeInvoice(id: $id) { id status issuedAt ...InvoiceDetails_invoice }\n  }\n"): (typeof documents)["\n  mutation FinalizeInvoice($id: ID!) {\n    finalizeInvoice(id: $id) { id status issuedAt ...InvoiceDetails_invoice }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminInvoices($filter: InvoiceFilter, $after: String, $first: Int!) {\n    invoices(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        number\n        status\n        createdAt\n        issuedAt\n        total { amount currency }\n        balance { amount currency }\n        patient { id fullName medicalRecordNumber }\n        appointment { id startsAt doctor { id fullName department { id name } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminInvoices($filter: InvoiceFilter, $after: String, $first: Int!) {\n    invoices(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        number\n        status\n        createdAt\n        issuedAt\n        total { amount currency }\n        balance { amount currency }\n        patient { id fullName medicalRecordNumber }\n        appointment { id startsAt doctor { id fullName department { id name } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminMessages($filter: MessageFilter, $after: String, $first: Int) {\n    messages(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items { id kind channel status address patientId patientName appointmentId dueAt sentAt attempts lastError providerId createdAt }\n    }\n    jobQueues {\n      backend workers emailLive smsLive messagesDue messagesFailed\n      queues { name waiting active delayed failed }\n      recentFailures { queue jobId error attempts failedAt }\n    }\n  }\n"): (typeof documents)["\n  query AdminMessages($filter: MessageFilter, $after: String, $first: Int) {\n    messages(filter: $filter, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items { id kind channel status address patientId patientName appointmentId dueAt sentAt attempts lastError providerId createdAt }\n    }\n    jobQueues {\n      backend workers emailLive smsLive messagesDue messagesFailed\n      queues { name waiting active delayed failed }\n      recentFailures { queue jobId error attempts failedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryMessage($id: ID!) {\n    retryMessage(id: $id) { id status attempts lastError }\n  }\n"): (typeof documents)["\n  mutation RetryMessage($id: ID!) {\n    retryMessage(id: $id) { id status attempts lastError }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UrgentDoctors {\n    doctors { id fullName department { id name } }\n  }\n"): (typeof documents)["\n  query UrgentDoctors {\n    doctors { id fullName department { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BookUrgentAppointment($input: BookUrgentAppointmentInput!) {\n    bookUrgentAppointment(input: $input) { id startsAt endsAt urgent urgentReason doctor { id fullName } patient { id fullName } }\n  }\n"): (typeof documents)["\n  mutation BookUrgentAppointment($input: BookUrgentAppointmentInput!) {\n    bookUrgentAppointment(input: $input) { id startsAt endsAt urgent urgentReason doctor { id fullName } patient { id fullName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePasswordAndSignIn(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePasswordAndSignIn(currentPassword: $currentPassword, newPassword: $newPassword) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($email: String!) {\n    requestPasswordReset(email: $email)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      token\n      user { id role }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($token: String!, $password: String!) {\n    acceptInvitation(token: $token, password: $password) {\n      token\n      user { id role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($token: String!, $newPassword: String!) {\n    resetPassword(token: $token, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      user { id role mustChangePassword }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      user { id role }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: RegisterInput!) {\n    register(input: $input) {\n      token\n      user { id role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LobbyQueueChanged($displayToken: String!) {\n    lobbyQueueChanged(displayToken: $displayToken) {\n      date\n      title\n      doctors { doctorId doctorName departmentName nowCalling waiting }\n    }\n  }\n"): (typeof documents)["\n  subscription LobbyQueueChanged($displayToken: String!) {\n    lobbyQueueChanged(displayToken: $displayToken) {\n      date\n      title\n      doctors { doctorId doctorName departmentName nowCalling waiting }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HospitalToday($doctorId: ID!) {\n    availableDays(doctorId: $doctorId, days: 1) { date }\n  }\n"): (typeof documents)["\n  query HospitalToday($doctorId: ID!) {\n    availableDays(doctorId: $doctorId, days: 1) { date }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorDay($doctorId: ID!, $date: LocalDate!) {\n    doctorDay(doctorId: $doctorId, date: $date, includeCancelled: true) {\n      id\n      startsAt\n      status\n      patient { id fullName }\n      ...DayAppointmentRow_appointment\n    }\n  }\n"): (typeof documents)["\n  query DoctorDay($doctorId: ID!, $date: LocalDate!) {\n    doctorDay(doctorId: $doctorId, date: $date, includeCancelled: true) {\n      id\n      startsAt\n      status\n      patient { id fullName }\n      ...DayAppointmentRow_appointment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorDayHeader($id: ID!) {\n    doctor(id: $id) { id fullName specialization department { id name } }\n  }\n"): (typeof documents)["\n  query DoctorDayHeader($id: ID!) {\n    doctor(id: $id) { id fullName specialization department { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorDaySetStatus($id: ID!, $status: AppointmentStatus!) {\n    setAppointmentStatus(id: $id, status: $status) { id status checkedInAt updatedAt }\n  }\n"): (typeof documents)["\n  mutation DoctorDaySetStatus($id: ID!, $status: AppointmentStatus!) {\n    setAppointmentStatus(id: $id, status: $status) { id status checkedInAt updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorDayCallNext($doctorId: ID!) {\n    callNextPatient(doctorId: $doctorId) { id status queueNumber updatedAt patient { id fullName } }\n  }\n"): (typeof documents)["\n  mutation DoctorDayCallNext($doctorId: ID!) {\n    callNextPatient(doctorId: $doctorId) { id status queueNumber updatedAt patient { id fullName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorDayCancel($id: ID!, $reason: String) {\n    cancelAppointment(id: $id, reason: $reason) { id status cancelReason cancelledAt updatedAt }\n  }\n"): (typeof documents)["\n  mutation DoctorDayCancel($id: ID!, $reason: String) {\n    cancelAppointment(id: $id, reason: $reason) { id status cancelReason cancelledAt updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorToday($doctorId: ID!) {\n    availableDays(doctorId: $doctorId, days: 1) { date }\n  }\n"): (typeof documents)["\n  query DoctorToday($doctorId: ID!) {\n    availableDays(doctorId: $doctorId, days: 1) { date }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorTodayAppointments($doctorId: ID!, $date: LocalDate!) {\n    doctorDay(doctorId: $doctorId, date: $date) { id startsAt endsAt status patient { id fullName } }\n  }\n"): (typeof documents)["\n  query DoctorTodayAppointments($doctorId: ID!, $date: LocalDate!) {\n    doctorDay(doctorId: $doctorId, date: $date) { id startsAt endsAt status patient { id fullName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorPatient($patientId: ID!) {\n    patient(id: $patientId) { id fullName ...PatientSummary_patient }\n    patientHistory(patientId: $patientId) { id ...TreatmentEntry_treatment }\n  }\n"): (typeof documents)["\n  query DoctorPatient($patientId: ID!) {\n    patient(id: $patientId) { id fullName ...PatientSummary_patient }\n    patientHistory(patientId: $patientId) { id ...TreatmentEntry_treatment }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorPatients($search: String, $first: Int!, $after: String) {\n    patients(search: $search, first: $first, after: $after) {\n      totalCount\n      nextCursor\n      items { id fullName medicalRecordNumber dateOfBirth gender phone }\n    }\n  }\n"): (typeof documents)["\n  query DoctorPatients($search: String, $first: Int!, $after: String) {\n    patients(search: $search, first: $first, after: $after) {\n      totalCount\n      nextCursor\n      items { id fullName medicalRecordNumber dateOfBirth gender phone }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorVisit($id: ID!) {\n    appointment(id: $id) {\n      id\n      startsAt\n      endsAt\n      status\n      reason\n      checkedInAt\n      doctor { id fullName }\n      patient { id fullName ...PatientSummary_patient }\n    }\n  }\n"): (typeof documents)["\n  query DoctorVisit($id: ID!) {\n    appointment(id: $id) {\n      id\n      startsAt\n      endsAt\n      status\n      reason\n      checkedInAt\n      doctor { id fullName }\n      patient { id fullName ...PatientSummary_patient }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoctorVisitHistory($patientId: ID!) {\n    patientHistory(patientId: $patientId) {\n      id\n      version\n      revisionCount\n      appointment { id }\n      doctor { id }\n      diagnosis icdCode visitType prescription testsOrdered precautions notes patientNotes followUpDate\n      medicines { name dose frequency duration instructions }\n      ...TreatmentEntry_treatment\n    }\n  }\n"): (typeof documents)["\n  query DoctorVisitHistory($patientId: ID!) {\n    patientHistory(patientId: $patientId) {\n      id\n      version\n      revisionCount\n      appointment { id }\n      doctor { id }\n      diagnosis icdCode visitType prescription testsOrdered precautions notes patientNotes followUpDate\n      medicines { name dose frequency duration instructions }\n      ...TreatmentEntry_treatment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DoctorVisitSetStatus($id: ID!, $status: AppointmentStatus!) {\n    setAppointmentStatus(id: $id, status: $status) { id status checkedInAt updatedAt }\n  }\n"): (typeof documents)["\n  mutation DoctorVisitSetStatus($id: ID!, $status: AppointmentStatus!) {\n    setAppointmentStatus(id: $id, status: $status) { id status checkedInAt updatedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowBoard($date: LocalDate) {\n    flowBoard(date: $date) {\n      date\n      generatedAt\n      entries {\n        status\n        queueNumber\n        arrivedAt\n        calledAt\n        minutesWaited\n        appointment { id startsAt endsAt patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FlowBoard($date: LocalDate) {\n    flowBoard(date: $date) {\n      date\n      generatedAt\n      entries {\n        status\n        queueNumber\n        arrivedAt\n        calledAt\n        minutesWaited\n        appointment { id startsAt endsAt patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FlowBoardChanged($date: LocalDate) {\n    flowBoardChanged(date: $date) { kind appointmentId doctorId }\n  }\n"): (typeof documents)["\n  subscription FlowBoardChanged($date: LocalDate) {\n    flowBoardChanged(date: $date) { kind appointmentId doctorId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlowBoardSetStatus($id: ID!, $status: AppointmentStatus!) {\n    setAppointmentStatus(id: $id, status: $status) { id status checkedInAt queueNumber }\n  }\n"): (typeof documents)["\n  mutation FlowBoardSetStatus($id: ID!, $status: AppointmentStatus!) {\n    setAppointmentStatus(id: $id, status: $status) { id status checkedInAt queueNumber }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DisplayTokens {\n    displayTokens { id name active createdAt rotatedAt department { id name } }\n    departments { id name }\n  }\n"): (typeof documents)["\n  query DisplayTokens {\n    displayTokens { id name active createdAt rotatedAt department { id name } }\n    departments { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDisplayToken($input: CreateDisplayTokenInput!) {\n    createDisplayToken(input: $input) { secret displayToken { id name } }\n  }\n"): (typeof documents)["\n  mutation CreateDisplayToken($input: CreateDisplayTokenInput!) {\n    createDisplayToken(input: $input) { secret displayToken { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateDisplayToken($id: ID!) {\n    rotateDisplayToken(id: $id) { secret displayToken { id name } }\n  }\n"): (typeof documents)["\n  mutation RotateDisplayToken($id: ID!) {\n    rotateDisplayToken(id: $id) { secret displayToken { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeDisplayToken($id: ID!) { revokeDisplayToken(id: $id) }\n"): (typeof documents)["\n  mutation RevokeDisplayToken($id: ID!) { revokeDisplayToken(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPatient($id: ID!) {\n    patient(id: $id) {\n      id fullName medicalRecordNumber dateOfBirth gender phone address email hasAccount active mergedIntoId\n    }\n    appointments(filter: { patientId: $id }, first: 50) {\n      items { id startsAt status doctor { id fullName } }\n      totalCount\n    }\n    invoices(filter: { patientId: $id }, first: 50) {\n      items { id number status total { amount currency } balance { amount currency } }\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query AdminPatient($id: ID!) {\n    patient(id: $id) {\n      id fullName medicalRecordNumber dateOfBirth gender phone address email hasAccount active mergedIntoId\n    }\n    appointments(filter: { patientId: $id }, first: 50) {\n      items { id startsAt status doctor { id fullName } }\n      totalCount\n    }\n    invoices(filter: { patientId: $id }, first: 50) {\n      items { id number status total { amount currency } balance { amount currency } }\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdatePatient($id: ID!, $input: UpdatePatientInput!) {\n    updatePatient(id: $id, input: $input) { id fullName dateOfBirth gender phone address }\n  }\n"): (typeof documents)["\n  mutation AdminUpdatePatient($id: ID!, $input: UpdatePatientInput!) {\n    updatePatient(id: $id, input: $input) { id fullName dateOfBirth gender phone address }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetPatientActive($patientId: ID!, $active: Boolean!) {\n    setPatientActive(patientId: $patientId, active: $active) { id active }\n  }\n"): (typeof documents)["\n  mutation AdminSetPatientActive($patientId: ID!, $active: Boolean!) {\n    setPatientActive(patientId: $patientId, active: $active) { id active }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminMergePatients($sourcePatientId: ID!, $targetPatientId: ID!) {\n    mergePatients(sourcePatientId: $sourcePatientId, targetPatientId: $targetPatientId) { id }\n  }\n"): (typeof documents)["\n  mutation AdminMergePatients($sourcePatientId: ID!, $targetPatientId: ID!) {\n    mergePatients(sourcePatientId: $sourcePatientId, targetPatientId: $targetPatientId) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPatients($search: String, $after: String) {\n    patients(search: $search, first: 25, after: $after) {\n      items { id fullName medicalRecordNumber phone email hasAccount active }\n      nextCursor\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query AdminPatients($search: String, $after: String) {\n    patients(search: $search, first: 25, after: $after) {\n      items { id fullName medicalRecordNumber phone email hasAccount active }\n      nextCursor\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyBills($after: String, $first: Int!) {\n    myBillingSummary { outstanding { amount currency } invoiceCount unpaidCount }\n    myInvoices(after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        number\n        status\n        issuedAt\n        createdAt\n        total { amount currency }\n        balance { amount currency }\n        appointment { id startsAt doctor { id fullName department { id name } } }\n        ...InvoiceDetails_invoice\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyBills($after: String, $first: Int!) {\n    myBillingSummary { outstanding { amount currency } invoiceCount unpaidCount }\n    myInvoices(after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        number\n        status\n        issuedAt\n        createdAt\n        total { amount currency }\n        balance { amount currency }\n        appointment { id startsAt doctor { id fullName department { id name } } }\n        ...InvoiceDetails_invoice\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyHistory($patientId: ID!) {\n    patientHistory(patientId: $patientId) { id ...TreatmentEntry_treatment }\n  }\n"): (typeof documents)["\n  query MyHistory($patientId: ID!) {\n    patientHistory(patientId: $patientId) { id ...TreatmentEntry_treatment }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyAppointments($upcoming: Boolean, $after: String, $first: Int!) {\n    myAppointments(upcoming: $upcoming, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        status\n        doctor { id fullName }\n        ...AppointmentCard_appointment\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyAppointments($upcoming: Boolean, $after: String, $first: Int!) {\n    myAppointments(upcoming: $upcoming, after: $after, first: $first) {\n      totalCount\n      nextCursor\n      items {\n        id\n        startsAt\n        status\n        doctor { id fullName }\n        ...AppointmentCard_appointment\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PatientDashboard {\n    upcoming: myAppointments(upcoming: true, first: 3) {\n      totalCount\n      items { id ...AppointmentCard_appointment }\n    }\n    completed: myAppointments(status: COMPLETED, first: 1) { totalCount }\n    records: myRecordSummary { treatmentCount latest { id diagnosis appointment { id startsAt } doctor { id fullName } } }\n    bills: myBillingSummary { outstanding { amount currency } unpaidCount }\n  }\n"): (typeof documents)["\n  query PatientDashboard {\n    upcoming: myAppointments(upcoming: true, first: 3) {\n      totalCount\n      items { id ...AppointmentCard_appointment }\n    }\n    completed: myAppointments(status: COMPLETED, first: 1) { totalCount }\n    records: myRecordSummary { treatmentCount latest { id diagnosis appointment { id startsAt } doctor { id fullName } } }\n    bills: myBillingSummary { outstanding { amount currency } unpaidCount }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProfile {\n    me {\n      id\n      email\n      patient {\n        id\n        fullName\n        medicalRecordNumber\n        dateOfBirth\n        gender\n        phone\n        address\n        bloodGroup\n        heightCm\n        weightKg\n        allergies\n        reminderOptIn\n        reminderSmsOptIn\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyProfile {\n    me {\n      id\n      email\n      patient {\n        id\n        fullName\n        medicalRecordNumber\n        dateOfBirth\n        gender\n        phone\n        address\n        bloodGroup\n        heightCm\n        weightKg\n        allergies\n        reminderOptIn\n        reminderSmsOptIn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      fullName\n      dateOfBirth\n      gender\n      phone\n      address\n      bloodGroup\n      heightCm\n      weightKg\n      allergies\n      reminderOptIn\n      reminderSmsOptIn\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      id\n      fullName\n      dateOfBirth\n      gender\n      phone\n      address\n      bloodGroup\n      heightCm\n      weightKg\n      allergies\n      reminderOptIn\n      reminderSmsOptIn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRecordAccess($first: Int!, $before: ID) {\n    myRecordAccess(first: $first, before: $before) { id readerName readerRole kind treatmentId granted at }\n  }\n"): (typeof documents)["\n  query MyRecordAccess($first: Int!, $before: ID) {\n    myRecordAccess(first: $first, before: $before) { id readerName readerRole kind treatmentId granted at }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WaitlistChoices {\n    departments { id name doctors { id fullName } }\n  }\n"): (typeof documents)["\n  query WaitlistChoices {\n    departments { id name doctors { id fullName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyWaitlist {\n    myWaitlist {\n      id status from to periods doctorName departmentName createdAt\n      offer { id startsAt endsAt expiresAt doctorName }\n    }\n  }\n"): (typeof documents)["\n  query MyWaitlist {\n    myWaitlist {\n      id status from to periods doctorName departmentName createdAt\n      offer { id startsAt endsAt expiresAt doctorName }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinWaitlist($input: JoinWaitlistInput!) {\n    joinWaitlist(input: $input) { id status }\n  }\n"): (typeof documents)["\n  mutation JoinWaitlist($input: JoinWaitlistInput!) {\n    joinWaitlist(input: $input) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptWaitlistOffer($offerId: ID!) {\n    acceptWaitlistOffer(offerId: $offerId) { id startsAt status doctor { id fullName } }\n  }\n"): (typeof documents)["\n  mutation AcceptWaitlistOffer($offerId: ID!) {\n    acceptWaitlistOffer(offerId: $offerId) { id startsAt status doctor { id fullName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineWaitlistOffer($offerId: ID!) {\n    declineWaitlistOffer(offerId: $offerId) { id status offer { id } }\n  }\n"): (typeof documents)["\n  mutation DeclineWaitlistOffer($offerId: ID!) {\n    declineWaitlistOffer(offerId: $offerId) { id status offer { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveWaitlist($entryId: ID!) {\n    leaveWaitlist(entryId: $entryId) { id status }\n  }\n"): (typeof documents)["\n  mutation LeaveWaitlist($entryId: ID!) {\n    leaveWaitlist(entryId: $entryId) { id status }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;