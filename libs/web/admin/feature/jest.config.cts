const angularJestConfig = require('../../../../jest.angular.preset');

module.exports = angularJestConfig('web-admin-feature', __dirname);
