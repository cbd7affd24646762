/** @module @boxafe-connect/core */
export {};
