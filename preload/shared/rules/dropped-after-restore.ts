/** The reason a message dropped after restoring a copy of the database carries on its delivery line. */
export const droppedAfterRestore = 'dropped after restoring a copy';
