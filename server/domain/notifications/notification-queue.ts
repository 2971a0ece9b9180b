/** The job that sends one notification_deliveries row (payload { deliveryId }). */
export const NOTIFICATION_SEND_JOB = 'notification-send';
