process.send(0);
