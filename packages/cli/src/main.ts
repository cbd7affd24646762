console.log("boxafe-connect");
