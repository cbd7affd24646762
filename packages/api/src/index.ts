/** @module @boxafe-connect/api */
export {};
