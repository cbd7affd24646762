/** @module @boxafe-connect/web */
export {};
