const angularJestConfig = require('../../jest.angular.preset');

module.exports = angularJestConfig('web', __dirname);
