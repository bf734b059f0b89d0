export * from './types';
export * from './locations';
export * from './services';
export * from './bookings';
export * from './staff';
export * from './infrastructure';
export * from './statistics';
export * from './waitlist';
