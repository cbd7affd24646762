/** @module @boxafe-connect/runtime */
export {};
